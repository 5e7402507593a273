#!/usr/bin/env bash
# Proves the Neovim set-up of docs/editors.md against a real Neovim, headless: opens a draft,
# waits for factlint's diagnostics, asks for the code actions and the hover at the misspelled
# name, applies the quick fix and waits for the re-check. Prints what it got.
#
#   scripts/editor-neovim.sh                       # uses target/release/factlint
#   FACTLINT=/path/to/factlint NVIM=/path/to/nvim scripts/editor-neovim.sh
#
# Exits non-zero when no diagnostic arrives (or no code action / hover comes back).
set -euo pipefail

FACTLINT=${FACTLINT:-target/release/factlint}
if [[ ! -x $FACTLINT ]]; then
  echo "editor-neovim: no factlint binary at $FACTLINT (build it, or set FACTLINT)" >&2
  exit 2
fi
FACTLINT=$(realpath "$FACTLINT")

# Debian 12 ships Neovim 0.7.2; the config below works from 0.7 on.
NVIM=${NVIM:-nvim}
if ! command -v "$NVIM" >/dev/null; then
  if ! apt-get install -y -q neovim >/dev/null; then
    apt-get update -q >/dev/null
    apt-get install -y -q neovim >/dev/null
  fi
  NVIM=nvim
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Keep the user's own Neovim config, plugins, shada and swap out of the check.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
# The config names the server `factlint`, as a user's would: put this build first on PATH.
mkdir -p "$work/bin" "$work/article"
ln -s "$FACTLINT" "$work/bin/factlint"
export PATH=$work/bin:$PATH

# The snippet of docs/editors.md, verbatim.
cat >"$work/init.lua" <<'LUA'
-- factlint: fact checks as diagnostics in Markdown, text and HTML buffers (Neovim 0.7+).
local function factlint_root(buf)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":p:h")
  for _, name in ipairs({ "factlint.toml", ".factlint.toml" }) do
    local found = vim.fn.findfile(name, dir .. ";")
    if found ~= "" then return vim.fn.fnamemodify(found, ":p:h") end
  end
  local git = vim.fn.finddir(".git", dir .. ";")
  if git ~= "" then return vim.fn.fnamemodify(git, ":p:h:h") end
  return dir
end

local factlint_clients = {} -- root -> client id, for Neovim 0.7 (no vim.lsp.start)
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "text", "html" },
  callback = function(args)
    local config = { name = "factlint", cmd = { "factlint", "lsp" }, root_dir = factlint_root(args.buf) }
    if vim.lsp.start then -- 0.8+: reuses a running client with the same name and root
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local id = factlint_clients[config.root_dir]
    if not id or vim.lsp.client_is_stopped(id) then
      id = vim.lsp.start_client(config)
      factlint_clients[config.root_dir] = id
    end
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})
LUA

# The probe: runs inside Neovim once the draft is loaded, writes its findings to $OUT.
cat >"$work/check.lua" <<'LUA'
local out, failed = {}, false
local function say(s) table.insert(out, s) end
local function finish()
  vim.fn.writefile(out, vim.env.OUT)
  vim.cmd(failed and "cq!" or "qa!")
end
local function clients_of(buf) -- get_clients is 0.10+, buf_get_clients all that 0.7 has
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = buf }) end
  return vim.tbl_values(vim.lsp.buf_get_clients(buf))
end
local v = vim.version()
say(string.format("nvim %d.%d.%d", v.major, v.minor, v.patch))
local buf = vim.api.nvim_get_current_buf()
local arrived = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
for _, c in ipairs(clients_of(buf)) do
  say(string.format("client %s, root %s, position encoding %s", c.name, tostring(c.config.root_dir), tostring(c.offset_encoding)))
end
if not arrived then
  say("FAIL: no diagnostic within 10 s")
  failed = true
  return finish()
end

local severity = { "error", "warning", "info", "hint" }
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local covered = table.concat(vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {}), "\n")
  say(string.format("diagnostic %d:%d %s %s on “%s”: %s", d.lnum + 1, d.col + 1, severity[d.severity],
    tostring(d.code), covered, (d.message:gsub("\n", " | "))))
  if d.code == "name.misspelled" and not target then target = d end
end
if not target then
  say("FAIL: no name.misspelled diagnostic")
  failed = true
  return finish()
end

local uri = vim.uri_from_bufnr(buf)
local range = { start = { line = target.lnum, character = target.col },
  ["end"] = { line = target.end_lnum, character = target.end_col } }
local actions = {}
for _, r in pairs(vim.lsp.buf_request_sync(buf, "textDocument/codeAction",
  { textDocument = { uri = uri }, range = range, context = { diagnostics = {} } }, 5000) or {}) do
  if r.err then say("code action error: " .. vim.inspect(r.err)) end
  for _, a in ipairs(r.result or {}) do
    table.insert(actions, a)
    local edits = {}
    for _, list in pairs((a.edit or {}).changes or {}) do
      for _, e in ipairs(list) do
        table.insert(edits, string.format("%d:%d-%d:%d becomes “%s”", e.range.start.line + 1,
          e.range.start.character + 1, e.range["end"].line + 1, e.range["end"].character + 1,
          (e.newText:gsub("\n", "\\n"))))
      end
    end
    say(string.format("code action (%s%s): %s — %s", tostring(a.kind), a.isPreferred and ", preferred" or "",
      a.title, table.concat(edits, "; ")))
  end
end
if #actions == 0 then say("FAIL: no code action at the misspelled name"); failed = true end

-- Position and hover: both are ASCII here, so the columns are the same in any encoding.
local hovered = false
for _, r in pairs(vim.lsp.buf_request_sync(buf, "textDocument/hover",
  { textDocument = { uri = uri }, position = { line = target.lnum, character = target.col + 2 } }, 5000) or {}) do
  if r.err then say("hover error: " .. vim.inspect(r.err)) end
  if r.result then
    hovered = true
    local c = r.result.contents
    say("hover: " .. ((type(c) == "table" and c.value or tostring(c)):gsub("\n+", " | ")))
  end
end
if not hovered then say("FAIL: no hover on the misspelled name"); failed = true end

-- The editor's own path: apply the preferred fix, which sends didChange, and wait for the re-check.
for _, a in ipairs(actions) do
  if a.isPreferred then
    local before = #vim.diagnostic.get(buf)
    vim.lsp.util.apply_workspace_edit(a.edit, clients_of(buf)[1].offset_encoding)
    local rechecked = vim.wait(5000, function() return #vim.diagnostic.get(buf) < before end, 50)
    say(string.format("after “%s”: %d diagnostic(s), was %d%s", a.title, #vim.diagnostic.get(buf), before,
      rechecked and "" or " (FAIL: not re-checked within 5 s)"))
    failed = failed or not rechecked
    break
  end
end
finish()
LUA

# A dated draft: the title is stale on that date and the name is a listed misspelling.
printf -- '---\npublished: 2026-01-10\n---\n\nPresident-elect Donald Trump met Rustam Umarov in Kyiv.\n' \
  >"$work/article/draft.md"

echo "factlint: $("$FACTLINT" --version 2>&1 | head -n1) ($FACTLINT)"
rc=0
(cd "$work/article" && OUT=$work/out.txt timeout 60 "$NVIM" --headless -n -i NONE -u "$work/init.lua" \
  -c "luafile $work/check.lua" draft.md) || rc=$?
if [[ -s $work/out.txt ]]; then
  cat "$work/out.txt"
else
  echo "FAIL: Neovim wrote nothing (exit $rc; 124 is the 60 s timeout)"
  if ((rc == 0)); then rc=1; fi
fi
if ((rc != 0)); then
  echo "editor-neovim: FAILED" >&2
  exit "$rc"
fi
echo "editor-neovim: ok"
