//! The judgments step: 1–5 business-climate scores, the six GEM factors (1–10) and the AHP pairwise comparisons
//! that weight the maturity dimensions, with the consistency ratio computed live by the core.
//!
//! The editor only writes Saaty-scale values above the diagonal and their exact reciprocals below it
//! (a_ji = 1/a_ij), so the matrix it produces always passes the core's reciprocity check.

use crate::components::field_error::FieldError;
use crate::components::fields::NumberField;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::ahp::{self, RiTable, Weighting};
use clustercalc_core::dataset::{GemScores, Judgments};
use clustercalc_core::maturity::{dimension_label, DIMENSIONS};
use leptos::prelude::*;

/// The Saaty scale offered for one comparison, as (text, value), from "left far more important" to "far less".
const SCALE: [(&str, f64); 17] = [
    ("9", 9.0),
    ("8", 8.0),
    ("7", 7.0),
    ("6", 6.0),
    ("5", 5.0),
    ("4", 4.0),
    ("3", 3.0),
    ("2", 2.0),
    ("1", 1.0),
    ("1/2", 0.5),
    ("1/3", 1.0 / 3.0),
    ("1/4", 0.25),
    ("1/5", 0.2),
    ("1/6", 1.0 / 6.0),
    ("1/7", 1.0 / 7.0),
    ("1/8", 0.125),
    ("1/9", 1.0 / 9.0),
];

/// The scale entry nearest to a stored value (files may hold 0.333333 for 1/3), compared on a log scale.
fn scale_text(v: f64) -> &'static str {
    SCALE
        .iter()
        .min_by(|a, b| {
            let da = (a.1.ln() - v.ln()).abs();
            let db = (b.1.ln() - v.ln()).abs();
            da.total_cmp(&db)
        })
        .map(|s| s.0)
        .unwrap_or("1")
}

/// Writes a_ij and its exact reciprocal a_ji into the matrix (ignoring indices outside it).
fn set_pair(m: &mut [Vec<f64>], i: usize, j: usize, v: f64) {
    if let Some(x) = m.get_mut(i).and_then(|r| r.get_mut(j)) {
        *x = v;
    }
    if let Some(x) = m.get_mut(j).and_then(|r| r.get_mut(i)) {
        *x = 1.0 / v;
    }
}

#[component]
pub fn JudgmentsView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let score = move |label: T,
                      field: &'static str,
                      get: fn(&Judgments) -> Option<f64>,
                      set: fn(&mut Judgments, Option<f64>)| {
        let value = Signal::derive(move || d.with(|d| d.judgments.as_ref().and_then(get)));
        let on_change = Callback::new(move |v: Option<f64>| {
            app.edit(field, |d| {
                set(d.judgments.get_or_insert_with(Judgments::default), v)
            })
        });
        view! { <div><NumberField label value on_change min=1.0 max=5.0 /><FieldError path=field /></div> }
    };
    // GEM needs all six factors: the dataset holds them when complete; factors typed before the sixth arrives
    // are kept here and written together once all six are given.
    let stored_gem = move || {
        d.with(|d| {
            d.judgments.as_ref().and_then(|j| j.gem.as_ref()).map(|g| {
                [
                    Some(g.resources),
                    Some(g.facilities),
                    Some(g.suppliers),
                    Some(g.structure),
                    Some(g.local_market),
                    Some(g.external_market),
                ]
            })
        })
    };
    let gem_typed: RwSignal<[Option<f64>; 6]> = RwSignal::new([None; 6]);
    let gem_now = move || stored_gem().unwrap_or_else(|| gem_typed.get());
    let gem_field = move |k: usize, label: T| {
        let value = Signal::derive(move || gem_now().get(k).copied().flatten());
        let on_change = Callback::new(move |v: Option<f64>| {
            let mut g = untrack(gem_now);
            if let Some(x) = g.get_mut(k) {
                *x = v;
            }
            gem_typed.set(g);
            let all = match g {
                [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] => Some(GemScores {
                    resources: a,
                    facilities: b,
                    suppliers: c,
                    structure: d,
                    local_market: e,
                    external_market: f,
                }),
                _ => None,
            };
            app.edit(&format!("judgments.gem.{k}"), |d| {
                d.judgments.get_or_insert_with(Judgments::default).gem = all;
            });
        });
        view! { <NumberField label value on_change min=1.0 max=10.0 /> }
    };

    let matrix = move || d.with(|d| d.judgments.as_ref().and_then(|j| j.maturity_ahp.clone()));
    let has_matrix = move || matrix().is_some();
    let n = DIMENSIONS.len();
    let start = move |_| {
        app.edit("judgments.maturity_ahp.start", |d| {
            d.judgments
                .get_or_insert_with(Judgments::default)
                .maturity_ahp = Some(vec![vec![1.0; n]; n]);
        })
    };
    let clear = move |_| {
        app.edit("judgments.maturity_ahp.clear", |d| {
            if let Some(j) = d.judgments.as_mut() {
                j.maturity_ahp = None;
            }
        })
    };
    // The core computes weights and CR; the UI only shows them.
    let result = Memo::new(move |_| {
        matrix().map(|m| ahp::ahp(&m, RiTable::default(), Weighting::Eigenvector))
    });
    let pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect();
    let pair_row = move |(i, j): (usize, usize)| {
        let left = dimension_label(DIMENSIONS.get(i).copied().unwrap_or(""));
        let right = dimension_label(DIMENSIONS.get(j).copied().unwrap_or(""));
        let (l2, r2) = (left.clone(), right.clone());
        let aria = move || {
            format!(
                "{} {} {} {}",
                T::AhpCompare.get(lang.get()),
                l2.get(lang.get()),
                T::AhpVersus.get(lang.get()),
                r2.get(lang.get())
            )
        };
        let value = Memo::new(move |_| {
            d.with(|d| {
                d.judgments
                    .as_ref()
                    .and_then(|x| x.maturity_ahp.as_ref())
                    .and_then(|m| m.get(i).and_then(|r| r.get(j)).copied())
                    .map(scale_text)
                    .unwrap_or("1")
            })
        });
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let Some(v) = SCALE.iter().find(|s| s.0 == text).map(|s| s.1) else {
                return;
            };
            app.edit(&format!("judgments.maturity_ahp[{i}][{j}]"), |d| {
                if let Some(m) = d.judgments.as_mut().and_then(|j| j.maturity_ahp.as_mut()) {
                    set_pair(m, i, j, v);
                }
            })
        };
        let options = SCALE
            .iter()
            .map(|(t, _)| view! { <option value=*t selected=move || value.get() == *t>{*t}</option> })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{move || left.get(lang.get()).to_string()}</th>
                <td><select aria-label=aria prop:value=value on:change=on_change>{options}</select></td>
                <td>{move || right.get(lang.get()).to_string()}</td>
            </tr>
        }
    };
    let verdict = move || {
        result.get().map(|r| match r {
            Ok(out) => {
                let cr = format!("{}: {:.3}", T::ConsistencyRatio.get(lang.get()), out.cr);
                let weights = DIMENSIONS
                    .iter()
                    .zip(out.weights.iter())
                    .map(|(dim, w)| {
                        let name = dimension_label(dim).get(lang.get()).to_string();
                        view! { <li>{name}": "{format!("{w:.3}")}</li> }
                    })
                    .collect_view();
                let note = if out.consistent {
                    view! { <p class="ok" role="status" data-testid="ahp-cr">{cr}" — "{tr(T::AhpConsistent)}</p> }.into_any()
                } else {
                    view! { <p class="cell-error" role="alert" data-testid="ahp-cr">{cr}" — "{tr(T::AhpInconsistent)}</p> }.into_any()
                };
                view! {
                    {note}
                    <p>{tr(T::AhpWeight)}</p>
                    <ul class="weights">{weights}</ul>
                }
                .into_any()
            }
            Err(e) => view! { <p class="cell-error" role="alert">{e.message(lang.get())}</p> }.into_any(),
        })
    };
    let pairs_view = move || {
        let pairs = pairs.clone();
        view! {
            <table class="ahp">
                <tbody>{pairs.into_iter().map(pair_row).collect_view()}</tbody>
            </table>
            {verdict}
            <button on:click=clear>{tr(T::AhpClear)}</button>
        }
    };

    view! {
        <section class="panel" aria-labelledby="judgments-heading">
            <h2 id="judgments-heading">{tr(T::JudgmentsSection)}</h2>
            <p class="hint">{tr(T::JudgmentsHint)}</p>
            <h3>{tr(T::ScoresHeading)}</h3>
            <div class="fields two">
                {score(T::Trust, "judgments.trust", |j| j.trust, |j, v| j.trust = v)}
                {score(T::MarketInstitutions, "judgments.market_institutions", |j| j.market_institutions, |j, v| j.market_institutions = v)}
                {score(T::GovernmentService, "judgments.government_service", |j| j.government_service, |j, v| j.government_service = v)}
            </div>
            <h3>{tr(T::GemHeading)}</h3>
            <p class="hint">{tr(T::GemHint)}</p>
            <div class="fields two">
                {gem_field(0, T::GemResources)}
                {gem_field(1, T::GemFacilities)}
                {gem_field(2, T::GemSuppliers)}
                {gem_field(3, T::GemStructure)}
                {gem_field(4, T::GemLocalMarket)}
                {gem_field(5, T::GemExternalMarket)}
            </div>
            <FieldError path="judgments.gem" />
            <h3>{tr(T::AhpHeading)}</h3>
            <p class="hint">{tr(T::AhpHint)}</p>
            <FieldError path="judgments.maturity_ahp" />
            <Show when=has_matrix fallback=move || view! { <button class="add" on:click=start>{tr(T::AhpStart)}</button> }>
                {pairs_view.clone()}
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_writes_the_exact_reciprocal() {
        let mut m = vec![vec![1.0; 3]; 3];
        set_pair(&mut m, 0, 2, 1.0 / 3.0);
        assert_eq!(m[2][0], 3.0);
        set_pair(&mut m, 0, 1, 7.0);
        assert_eq!(m[1][0] * 7.0, 1.0);
    }

    #[test]
    fn stored_values_show_as_the_nearest_scale_entry() {
        assert_eq!(scale_text(0.333333), "1/3");
        assert_eq!(scale_text(5.0), "5");
        assert_eq!(scale_text(1.0), "1");
    }
}
