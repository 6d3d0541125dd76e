//! Issue 16 in headless Chromium, as a user: the estimation worksheet evaluates what
//! is typed (units checked, errors with their column) and Review holds each entry
//! against the prompt's reference; the interviewer's follow-ups come one per phase
//! after Breadth, their answers are kept and land in the debrief.

mod support;

use breadthfirst::core::prompt::{catalog, Prompt};
use breadthfirst::core::session::Phase;
use serde_json::json;
use support::app::App;
use support::downloads::{download_dir, downloaded};
use support::{browser_lock, Key};

const MIN: f64 = 60_000.0;

fn phase(app: &App) -> String {
    app.driver.find("[data-testid=phase]").text()
}

fn next_phase(app: &App) {
    app.click_text(".session-bar button", "Next phase");
}

fn shortener() -> Prompt {
    catalog()
        .into_iter()
        .find(|p| p.id == "url-shortener")
        .unwrap()
}

/// Types `text` into the worksheet input named `quantity` and waits for its value
/// line to say `shown`.
fn estimate(app: &App, quantity: &str, text: &str, shown: &str) {
    let input = app.driver.find(&format!(
        "[data-testid=estimate] input[aria-label=\"{quantity}\"]"
    ));
    input.click();
    app.driver.type_text(text);
    app.wait_for(&format!("{quantity} evaluated as {shown}"), || {
        app.driver
            .find_all("[data-testid=estimate]")
            .iter()
            .any(|row| row.text().contains(quantity) && row.text().contains(shown))
    });
}

/// The follow-up card's question, once it is shown.
fn follow_up_text(app: &App) -> String {
    app.wait_for("the follow-up card", || {
        app.count("[data-testid=follow-up]") == 1
    });
    app.driver.find("[data-testid=follow-up]").text()
}

/// Whether `text` asks one of the prompt's follow-ups of `phase`.
fn asks_one_of(prompt: &Prompt, phase: Phase, text: &str) -> bool {
    prompt
        .follow_ups
        .iter()
        .any(|f| f.phase == phase && text.contains(&f.question))
}

fn answer_follow_up(app: &App, text: &str) {
    app.driver.find("[data-testid=follow-up] textarea").click();
    app.driver.type_text(text);
}

#[test]
fn estimates_are_judged_against_the_references_and_follow_ups_come_one_per_phase() {
    let _lock = browser_lock();
    let prompt = shortener();
    let app = App::open();
    app.with_controlled_clock();
    app.choose_prompt("url-shortener", true);
    app.wait_for("the worksheet", || {
        app.count("[data-testid=estimate]") == prompt.estimates.len()
    });
    let quantity = |i: usize| prompt.estimates[i].quantity.as_str();

    // Evaluated as typed, with units; a unit mismatch is refused at its column.
    estimate(
        &app,
        quantity(0),
        "10e9 redirects / month * 5",
        "= 19,300 redirects/s",
    );
    estimate(
        &app,
        quantity(1),
        "6e9 * 500 B + 3 s",
        "column 13: cannot add or subtract bytes and seconds",
    );
    // Corrected, but thirty times too big (3 TB is the reference): wrong.
    app.driver
        .find(&format!("input[aria-label=\"{}\"]", quantity(1)))
        .click();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.press_keys(&[Key::Backspace]);
    estimate(&app, quantity(1), "6e9 * 500 B * 30", "= 90 TB");
    // Five times the 50 GB reference: off.
    estimate(&app, quantity(2), "100e6 * 500 B * 5", "= 250 GB");
    app.screenshot("worksheet.png");

    next_phase(&app);
    app.wait_for("Breadth", || phase(&app) == "Breadth");
    assert_eq!(
        app.count("[data-testid=follow-up]"),
        0,
        "no follow-up in Breadth"
    );
    for name in ["Client", "Load balancer", "Service", "Cache", "NoSQL store"] {
        app.add(name);
    }
    app.advance_clock(9.0 * MIN);
    app.wait_for("Focus", || phase(&app) == "Focus");

    // One follow-up per phase after Breadth, each one of that phase's.
    let asked = follow_up_text(&app);
    assert!(asks_one_of(&prompt, Phase::Focus, &asked), "{asked}");
    answer_follow_up(&app, "The cache decides redirect latency");
    app.driver.find("[data-testid=focus-option]").click();
    next_phase(&app);
    app.wait_for("Depth", || phase(&app) == "Depth");
    let asked = follow_up_text(&app);
    assert!(asks_one_of(&prompt, Phase::Depth, &asked), "{asked}");
    answer_follow_up(&app, "Shard the store by code");
    next_phase(&app);
    app.wait_for("Failure modes", || phase(&app) == "Failure modes");
    let asked = follow_up_text(&app);
    assert!(asks_one_of(&prompt, Phase::FailureModes, &asked), "{asked}");
    // The answers are kept with the session (a reload keeps them).
    app.wait_for("the answers saved", || {
        app.js("return localStorage.getItem('breadthfirst.session').includes('Shard the store by code')")
            == json!(true)
    });
    next_phase(&app);
    app.wait_for("Review", || phase(&app) == "Review");

    // Review: every quantity against its reference.
    app.wait_for("every estimate judged", || {
        app.driver
            .find_all("[data-testid=estimate-result]")
            .iter()
            .filter(|r| r.attr("data-verdict").is_some())
            .count()
            == prompt.estimates.len()
    });
    let verdicts: Vec<(String, String)> = app
        .driver
        .find_all("[data-testid=estimate-result]")
        .iter()
        .map(|r| {
            (
                r.attr("data-estimate").unwrap_or_default(),
                r.attr("data-verdict").unwrap_or_default(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = prompt
        .estimates
        .iter()
        .zip(["right", "wrong", "off", "wrong"])
        .map(|(e, v)| (e.id.clone(), v.to_string()))
        .collect();
    assert_eq!(verdicts, expected);
    let first = app.driver.find("[data-testid=estimate-result]").text();
    assert!(
        first.contains(&prompt.estimates[0].derivation)
            || first.contains("How the reference is derived")
    );
    // The follow-ups with the answers given and the model answers.
    let reviewed: Vec<String> = app
        .driver
        .find_all("[data-testid=follow-up]")
        .iter()
        .map(|f| f.text())
        .collect();
    assert_eq!(reviewed.len(), 3, "{reviewed:?}");
    assert!(reviewed[0].contains("The cache decides redirect latency"));
    assert!(reviewed[2].contains("Not answered."));
    app.screenshot("review-estimates.png");

    // The debrief has both.
    let dir = download_dir("interviewer");
    app.allow_downloads(&dir);
    app.driver.find(".export-menu summary").click();
    app.click_text(".export-menu [data-export]", "Export Markdown");
    let md = String::from_utf8(downloaded(&dir, ".md")).unwrap();
    assert!(md.contains("## Estimates"), "{md}");
    assert!(md.contains("| Right (about the reference) |"), "{md}");
    assert!(md.contains("## Follow-up questions"));
    assert!(md.contains("> The cache decides redirect latency"));
    app.check_page();
}
