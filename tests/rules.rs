//! Rule files: the bundled knowledge base always validates, and every fault SPEC §3 names is
//! rejected with a rendered error pointing at its place (`fixtures/rules-invalid/*.toml`, one
//! fault per file but for `many-problems.toml`, which has one in each of its entries; the
//! rendering snapshotted).

use factlint::kb::KnowledgeBase;
use miette::{GraphicalReportHandler, GraphicalTheme};

fn render(err: &dyn miette::Diagnostic) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, err)
        .unwrap();
    out
}

#[test]
fn the_bundled_rules_validate() {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{}", render(&e)));
    assert!(kb.entities.len() >= 15, "{} entities", kb.entities.len());
    // Every fact carries its evidence.
    for entity in &kb.entities {
        assert!(entity.source.as_deref().is_some_and(|s| s.starts_with("https://")), "{} has no source", entity.id);
        for role in &entity.roles {
            assert!(role.source.is_some(), "{}: “{}” has no source", entity.id, role.title);
            // An open role is only as good as the last time someone looked.
            let open = role.period.until.is_none();
            assert!(!open || role.checked.is_some(), "{}: open “{}” has no `checked`", entity.id, role.title);
        }
    }
    for event in &kb.events {
        assert!(event.source.is_some(), "{} has no source", event.id);
    }
    // What the seed articles rely on (SPEC §10).
    for id in ["volodymyr-zelenskyy", "rustem-umerov", "kyrylo-budanov", "donald-trump", "joe-biden", "steve-witkoff"] {
        assert!(kb.entity_by_id(id).is_some(), "{id}");
    }
    for id in
        ["trump-second-inauguration", "kyiv-nsa-meeting-2026", "cow-paris-summit-2026", "russia-full-scale-invasion"]
    {
        assert!(kb.events.iter().any(|e| e.id == id), "{id}");
    }
}

#[test]
fn each_fault_is_rejected_at_its_place() {
    insta::glob!("../fixtures/rules-invalid", "*.toml", |path| {
        let display = format!("fixtures/rules-invalid/{}", path.file_name().unwrap().to_string_lossy());
        let text = std::fs::read_to_string(path).unwrap();
        let file = factlint::source::SourceFile::new(display, text);
        let err = KnowledgeBase::compile(vec![file]).expect_err("an invalid rule file must be rejected");
        assert!(!err.problems.is_empty());
        insta::assert_snapshot!(render(&err));
    });
}
