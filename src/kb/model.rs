//! Rule files as written: plain serde structs that keep the span of every value, so that
//! validation can point at the exact place in the TOML. Unknown keys are rejected: a typo in a
//! rule must not silently disable it.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub entity: Vec<Entity>,
    #[serde(default)]
    pub event: Vec<Event>,
    #[serde(default)]
    pub names: Option<Names>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub kind: Spanned<EntityKind>,
    #[serde(default)]
    pub variants: Vec<Spanned<String>>,
    #[serde(default)]
    pub misspellings: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
    #[serde(default)]
    pub role: Vec<Role>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: Spanned<String>,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub date: Option<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    #[serde(default)]
    pub entities: Vec<Spanned<String>>,
    pub place: Option<Spanned<String>>,
    #[serde(default)]
    pub triggers: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
    #[serde(default)]
    pub count: Vec<Count>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub what: Spanned<String>,
    #[serde(default)]
    pub units: Vec<Spanned<String>>,
    pub value: Option<Spanned<u64>>,
    /// What the figure leaves out ("Ukraine", the host): a count that says it includes one
    /// of them is compared with the figure plus those it names.
    #[serde(default)]
    pub excluding: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[serde(default)]
    pub distinct: Vec<Spanned<String>>,
}
