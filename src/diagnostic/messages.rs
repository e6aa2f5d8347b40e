//! The words of every message a reader sees, in Chinese and English, from Fluent files.
//!
//! The text lives in `locales/<lang>/*.ftl` (Project Fluent syntax, editable by a translator
//! without touching Rust), compiled into the binary. Code names a message by its id and fills its
//! placeholders: `t!(lang, "cat107-message", code = code)`. The language is chosen once per run
//! (`--lang`, else the catalog's `language`, else Chinese) and travels as a [`Lang`] value, never
//! through a global, so runs in different languages can share a process.
//!
//! Ids: `catNNN-…` for a code's messages, labels and help (`catNNN-summary`, `-what`, `-why` are
//! its `explain` page), `report-…` for command reports, `page-…` for page headings. Adding a
//! message means adding its id to the same file in both `locales/zh-CN/` and `locales/en/`; the
//! tests in `tests/messages.rs` fail until both define it with the same placeholders.

use std::sync::OnceLock;

pub use fluent_bundle::{FluentArgs, FluentValue};
use fluent_bundle::{FluentResource, concurrent::FluentBundle};

/// The language of the messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Lang {
    /// Simplified Chinese (zh-CN): the default.
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language of a catalog's `language` tag: English for `en…`, else Chinese.
    pub fn of(tag: &str) -> Lang {
        Lang::from_tag(tag).unwrap_or_default()
    }

    /// The folder under `locales/` and the BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// `zh`, `zh-CN`, `zh-Hans` … → Chinese; `en`, `en-GB` … → English; anything else: none.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a catalog whose `catalog.yaml` says `language` (Chinese when it says
    /// nothing or names a language catalogc has no messages in).
    pub fn of_catalog(language: Option<&str>) -> Lang {
        language.and_then(Lang::from_tag).unwrap_or_default()
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Every message file, per language: (language, file name, text).
pub const FILES: &[(Lang, &str, &str)] = &[
    (
        Lang::Zh,
        "load.ftl",
        include_str!("../../locales/zh-CN/load.ftl"),
    ),
    (
        Lang::Zh,
        "items.ftl",
        include_str!("../../locales/zh-CN/items.ftl"),
    ),
    (
        Lang::Zh,
        "regions.ftl",
        include_str!("../../locales/zh-CN/regions.ftl"),
    ),
    (
        Lang::Zh,
        "references.ftl",
        include_str!("../../locales/zh-CN/references.ftl"),
    ),
    (
        Lang::Zh,
        "explain.ftl",
        include_str!("../../locales/zh-CN/explain.ftl"),
    ),
    (
        Lang::Zh,
        "reports.ftl",
        include_str!("../../locales/zh-CN/reports.ftl"),
    ),
    (
        Lang::En,
        "load.ftl",
        include_str!("../../locales/en/load.ftl"),
    ),
    (
        Lang::En,
        "items.ftl",
        include_str!("../../locales/en/items.ftl"),
    ),
    (
        Lang::En,
        "regions.ftl",
        include_str!("../../locales/en/regions.ftl"),
    ),
    (
        Lang::En,
        "references.ftl",
        include_str!("../../locales/en/references.ftl"),
    ),
    (
        Lang::En,
        "explain.ftl",
        include_str!("../../locales/en/explain.ftl"),
    ),
    (
        Lang::En,
        "reports.ftl",
        include_str!("../../locales/en/reports.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| {
        let id = lang.tag().parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // No U+2068/U+2069 around each argument: they are invisible noise in a terminal.
        bundle.set_use_isolating(false);
        for (_, _, text) in FILES.iter().filter(|(l, _, _)| *l == lang) {
            // A file with a syntax error keeps the messages that parsed; the tests reject it.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            // A duplicate id keeps the first; the tests reject it too.
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// Whether a message with this id exists in `lang`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang` with its placeholders filled from `args`. A message the language
/// lacks falls back to the other language's, and one missing in both gives its id: a message
/// added in one language only (a merge in progress) still says something. The tests make sure
/// none is missing.
pub fn t(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let found = [lang, other].into_iter().find_map(|lang| {
        let bundle = bundle(lang);
        Some((bundle, bundle.get_message(id)?.value()?))
    });
    let Some((bundle, pattern)) = found else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// A value for a placeholder: text, or a number (which English plurals select on).
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// `t!(lang, "id", name = value, …)`: the message `id` in `lang` with its placeholders filled.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::diagnostic::messages::FluentArgs::new();
        $( args.set(stringify!($name), $crate::diagnostic::messages::arg($value)); )*
        $crate::diagnostic::messages::t($lang, $id, Some(&args))
    }};
}
