//! Charts drawn as SVG by the app: horizontal bars, the activity heatmap and the due forecast.
//! Each is an image with a spoken summary (`role="img"` + `aria-label`) and its numbers as a table
//! under "Show as a table". Geometry only: every figure comes from `stats` and `progress`.

use crate::stats::{self, Day, Heatmap};
use leptos::either::Either;
use leptos::prelude::*;

/// One bar: a label, a share 0–1, and the text shown for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar is (a topic, a level).
    pub label: String,
    /// Length as a share of the full width (clamped to 0–1).
    pub share: f64,
    /// The figure written next to it ("12 of 40 known · 35%").
    pub text: String,
    /// Where tapping the row leads (a quiz on that slice), if anywhere.
    pub href: Option<String>,
    /// What the link does, for its accessible name ("Quiz on Databases").
    pub action: String,
}

/// Horizontal bars, label above each bar (readable on a phone). A bar with an `href` is a link
/// (the whole row, at least 44 px tall): the dashboard's bars start a quiz on their slice.
#[component]
pub fn BarChart(
    /// The chart's accessible name.
    title: String,
    /// The rows, top to bottom.
    bars: Vec<Bar>,
    /// Column headings for the table version: (label, figure).
    headings: (&'static str, &'static str),
) -> impl IntoView {
    let rows: Vec<(String, String)> = bars
        .iter()
        .map(|b| (b.label.clone(), b.text.clone()))
        .collect();
    view! {
        <figure class="chart bar-chart">
            <ul class="bars" aria-label=title>
                {bars
                    .into_iter()
                    .map(|b| {
                        let percent = (b.share.clamp(0.0, 1.0) * 100.0)
                            .max(if b.share > 0.0 { 0.5 } else { 0.0 });
                        let row = view! {
                            <span class="bar-head">
                                <span class="chart-label">{b.label.clone()}</span>
                                <span class="chart-value">{b.text.clone()}</span>
                            </span>
                            <svg
                                class="bar-svg"
                                viewBox="0 0 100 10"
                                preserveAspectRatio="none"
                                aria-hidden="true"
                            >
                                <rect
                                    x="0"
                                    y="0"
                                    width="100"
                                    height="10"
                                    rx="1"
                                    class="bar-track"
                                />
                                <rect
                                    x="0"
                                    y="0"
                                    width=percent
                                    height="10"
                                    rx="1"
                                    class="bar-fill"
                                />
                            </svg>
                        };
                        match b.href.clone() {
                            Some(href) => {
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            class="chart-row bar-link"
                                            title=b.action.clone()
                                        >
                                            {row}
                                            <span class="visually-hidden">
                                                {format!(" {}", b.action)}
                                            </span>
                                        </a>
                                    </li>
                                }
                                    .into_any()
                            }
                            None => view! { <li class="chart-row">{row}</li> }.into_any(),
                        }
                    })
                    .collect_view()}
            </ul>
            <ChartTable headings=[headings.0, headings.1] rows=rows />
        </figure>
    }
}

const CELL: f64 = 13.0;
const GAP: f64 = 3.0;
const LEFT: f64 = 28.0;
const TOP: f64 = 16.0;

/// The activity heatmap: a column per week (Monday on top), darker for more answers.
#[component]
pub fn HeatmapChart(
    /// The figures.
    map: Heatmap,
) -> impl IntoView {
    let width = LEFT + map.weeks as f64 * (CELL + GAP);
    let height = TOP + 7.0 * (CELL + GAP);
    let label = format!(
        "Answers per day over the last {} weeks: {} answers on {} days; the busiest day had {}.",
        map.weeks, map.total, map.active_days, map.max
    );
    let months = map.month_labels();
    let cells = (0..map.weeks)
        .flat_map(|w| (0..7u32).map(move |d| (w, d)))
        .filter_map(|(w, d)| {
            let day = map.day(w, d);
            if map.is_future(day) {
                return None;
            }
            let n = map.counts[w * 7 + d as usize];
            let tip = format!(
                "{}: {n} answer{}",
                stats::format_day(day),
                if n == 1 { "" } else { "s" }
            );
            let x = LEFT + w as f64 * (CELL + GAP);
            let y = TOP + d as f64 * (CELL + GAP);
            Some(view! {
                <rect
                    x=x
                    y=y
                    width=CELL
                    height=CELL
                    rx="2"
                    class=format!("heat heat-{}", map.level(n))
                    class:today=day == map.today
                >
                    <title>{tip}</title>
                </rect>
            })
        })
        .collect_view();
    let active: Vec<(Day, u32)> = (0..map.weeks * 7)
        .map(|i| (map.first + i as Day, map.counts[i]))
        .filter(|&(d, n)| n > 0 && !map.is_future(d))
        .collect();
    view! {
        <figure class="chart heatmap" data-testid="heatmap">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
                {months
                    .into_iter()
                    .map(|(w, m)| {
                        view! {
                            <text x=LEFT + w as f64 * (CELL + GAP) y="11" class="chart-axis">
                                {m}
                            </text>
                        }
                    })
                    .collect_view()}
                {[(0u32, "Mon"), (2, "Wed"), (4, "Fri")]
                    .into_iter()
                    .map(|(d, name)| {
                        view! {
                            <text x="0" y=TOP + d as f64 * (CELL + GAP) + 10.0 class="chart-axis">
                                {name}
                            </text>
                        }
                    })
                    .collect_view()}
                {cells}
            </svg>
            <p class="legend" aria-hidden="true">
                "Less "
                {(0..=4)
                    .map(|l| view! { <span class=format!("swatch heat-{l}")></span> })
                    .collect_view()}
                " More"
            </p>
            <ChartTable
                headings=["Day", "Answers"]
                rows=active
                    .into_iter()
                    .map(|(d, n)| (stats::format_day(d), n.to_string()))
                    .collect()
                empty="No answers in these weeks yet."
            />
        </figure>
    }
}

const F_W: f64 = 360.0;
const F_H: f64 = 150.0;

/// Reviews due per day from today: a column per day, the count above it.
#[component]
pub fn ForecastChart(
    /// Reviews due on each day; index 0 is today (overdue included).
    counts: Vec<u32>,
    /// Today.
    today: Day,
) -> impl IntoView {
    let days = counts.len().max(1);
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let slot = F_W / days as f64;
    let plot = F_H - 40.0;
    let total: u32 = counts.iter().sum();
    let label = format!(
        "Reviews due over the next {days} days: {total} in all, {} today.",
        counts.first().copied().unwrap_or(0)
    );
    let rows: Vec<(Day, u32)> = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| (today + i as Day, n))
        .collect();
    let table_rows = rows.clone();
    view! {
        <figure class="chart forecast" data-testid="forecast">
            <svg viewBox=format!("0 0 {F_W} {F_H}") role="img" aria-label=label>
                {rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (day, n))| {
                        let h = plot * n as f64 / max as f64;
                        let x = i as f64 * slot + slot * 0.15;
                        let w = slot * 0.7;
                        let (_, _, dom) = stats::civil(day);
                        let tip = format!("{}: {n} due", stats::format_day(day));
                        view! {
                            <g>
                                <rect
                                    x=x
                                    y=16.0 + plot - h
                                    width=w
                                    height=h.max(if n > 0 { 1.0 } else { 0.0 })
                                    rx="2"
                                    class="bar-fill"
                                    class:today=i == 0
                                >
                                    <title>{tip}</title>
                                </rect>
                                <text
                                    x=x + w / 2.0
                                    y=12.0 + plot - h
                                    text-anchor="middle"
                                    class="chart-value"
                                >
                                    {(n > 0).then(|| n.to_string())}
                                </text>
                                // Weekday over date: "Wed" over "2" cannot be read as "in 2 days".
                                <text
                                    x=x + w / 2.0
                                    y=F_H - 18.0
                                    text-anchor="middle"
                                    class="chart-axis"
                                    class:today=i == 0
                                >
                                    {if i == 0 {
                                        "today"
                                    } else {
                                        stats::weekday_abbr(stats::weekday(day))
                                    }}
                                </text>
                                <text
                                    x=x + w / 2.0
                                    y=F_H - 5.0
                                    text-anchor="middle"
                                    class="chart-axis"
                                >
                                    {dom.to_string()}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()}
                <line x1="0" x2=F_W y1=16.0 + plot y2=16.0 + plot class="chart-baseline" />
            </svg>
            <ChartTable
                headings=["Day", "Reviews due"]
                rows=table_rows
                    .into_iter()
                    .map(|(d, n)| (stats::format_day(d), n.to_string()))
                    .collect()
            />
        </figure>
    }
}

/// A chart's figures as a table, under "Show as a table": a row per figure, its label as the
/// row's heading.
#[component]
fn ChartTable(
    /// The column headings: (label, figure).
    headings: [&'static str; 2],
    /// The rows: (label, figure).
    rows: Vec<(String, String)>,
    /// What is said instead of an empty table, if anything (else the table has no rows).
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView {
    let table = match empty {
        Some(text) if rows.is_empty() => Either::Left(view! { <p>{text}</p> }),
        _ => Either::Right(view! {
            <table>
                <thead>
                    <tr>
                        <th scope="col">{headings[0]}</th>
                        <th scope="col">{headings[1]}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(label, figure)| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{figure}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }),
    };
    view! {
        <details class="chart-table">
            <summary>"Show as a table"</summary>
            {table}
        </details>
    }
}
