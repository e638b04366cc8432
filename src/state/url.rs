//! View state in the URL: the list view (`?q=…&level=…`) is read from and written to the address,
//! so every view is a link and back/forward restore it.

use crate::bank;
use crate::list_view::ListQuery;
use crate::meta::Area;
use crate::platform::dom;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The list view's state, read from the URL.
pub fn use_list_query() -> Memo<ListQuery> {
    let map = use_query_map();
    Memo::new(move |_| {
        let m = map.get();
        ListQuery::from_params(|k| m.get(k), |t| bank::topic(t).is_some())
    })
}

/// The list view in the page's address, read once: for a page whose address does not change while
/// it is shown (the mock interview's set-up), without the router's reactive query.
pub fn list_query_once() -> ListQuery {
    let url = dom::current_url();
    let query = url.split('#').next().unwrap_or_default();
    ListQuery::from_query_string(query.split_once('?').map_or("", |(_, q)| q), |t| {
        bank::topic(t).is_some()
    })
}

/// A function that shows another list view by changing the URL (`replace` while typing, so each
/// keystroke is not a history entry).
pub fn use_go_to_list() -> impl Fn(&ListQuery, bool) + Clone + 'static {
    let navigate = use_navigate();
    move |q: &ListQuery, replace: bool| {
        navigate(
            &dom::nav_path(&format!("/{}", q.to_query_string())),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        )
    }
}

/// A function that goes to an internal `path` (starting with `/`): within this build of the app
/// by the router, to a page another build serves by loading it.
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    let navigate = use_navigate();
    let area = use_context::<super::AppState>().and_then(|s| s.area);
    move |path: &str| match area {
        Some(here) if Area::of_path(path) != here => dom::load(path),
        _ => navigate(&dom::nav_path(path), Default::default()),
    }
}
