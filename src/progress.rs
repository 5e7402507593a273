//! The progress bar of long runs: on standard error, only when it is a terminal, never with
//! `--quiet`, and only for runs with enough files to be worth watching.

use std::io::IsTerminal;

use factlint::corpus::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Fewer files than this finish before a bar would be read.
const WORTH_SHOWING: usize = 200;

pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    pub fn new(quiet: bool) -> Bar {
        let visible = !quiet && std::io::stderr().is_terminal();
        let bar = ProgressBar::with_draw_target(
            None,
            if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
        );
        bar.set_style(
            ProgressStyle::with_template("{msg:>14} [{bar:30}] {pos}/{len} ({eta})")
                .expect("valid template")
                .progress_chars("=> "),
        );
        Bar { bar }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn phase(&self, what: &'static str, total: usize) {
        if total < WORTH_SHOWING
            && self.bar.position() == 0
            && self.bar.length().is_none_or(|l| l < WORTH_SHOWING as u64)
        {
            self.bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        self.bar.set_message(what);
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
    }

    fn advance(&self) {
        self.bar.inc(1);
    }
}
