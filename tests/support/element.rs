//! A DOM element of a [`Driver`]'s current page, with blocking methods.

use std::time::Instant;

use fantoccini::Locator;
use serde_json::Value;

use super::webdriver::{FIND_TIMEOUT, POLL};
use super::Driver;

/// A reference to a DOM element in the current page of a [`Driver`].
pub struct Element<'a> {
    driver: &'a Driver,
    el: fantoccini::elements::Element,
}

impl<'a> Element<'a> {
    pub(crate) fn new(driver: &'a Driver, el: fantoccini::elements::Element) -> Self {
        Element { driver, el }
    }

    /// This element as a script argument for [`Driver::execute`].
    pub fn to_json(&self) -> Value {
        serde_json::to_value(&self.el).expect("an element serializes")
    }

    /// The WebDriver element id.
    pub fn id(&self) -> String {
        self.el.element_id().to_string()
    }

    /// The fantoccini element, for what this facade does not wrap.
    pub fn inner(&self) -> &fantoccini::elements::Element {
        &self.el
    }

    fn what(&self, action: &str) -> String {
        format!("element {} {action}", self.id())
    }

    /// WebDriver Element Click: scrolls the element into view and clicks its
    /// centre with the mouse. Panics ("element click intercepted") if another
    /// element would receive the click, as a user's click would go there.
    pub fn click(&self) {
        self.driver.block(&self.what("click"), self.el.click());
    }

    /// Rendered text (`innerText`-like).
    pub fn text(&self) -> String {
        self.driver.block(&self.what("text"), self.el.text())
    }

    /// The HTML attribute `name`, if present. This is the markup attribute,
    /// not the live DOM property: use [`Self::prop`] for e.g. an input's
    /// current `value`.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.driver
            .block(&self.what("attribute"), self.el.attr(name))
    }

    /// The DOM property `name` (e.g. `"value"`, `"checked"`); `Null` if unset.
    pub fn prop(&self, name: &str) -> Value {
        let path = format!("element/{}/property/{name}", self.id());
        self.driver.command("GET", &path, None)
    }

    /// Center of the bounding client rect, in viewport CSS pixels.
    pub fn center(&self) -> (f64, f64) {
        let v = self.driver.execute(
            "const r = arguments[0].getBoundingClientRect();\
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![self.to_json()],
        );
        let n = |i: usize| v[i].as_f64().expect("center coordinate is a number");
        (n(0), n(1))
    }

    /// WebDriver Element Send Keys: focuses the element and types `text`
    /// (for a file input, `text` is a file path and the file is chosen).
    pub fn send_keys(&self, text: &str) {
        self.driver
            .block(&self.what("send keys"), self.el.send_keys(text));
    }

    /// Clears an editable element.
    pub fn clear(&self) {
        self.driver.block(&self.what("clear"), self.el.clear());
    }

    /// Whether the element is rendered visibly.
    pub fn is_displayed(&self) -> bool {
        self.driver
            .block(&self.what("is displayed"), self.el.is_displayed())
    }

    /// Waits up to [`FIND_TIMEOUT`] for a descendant matching `css`; panics
    /// naming the selector if none appears.
    pub fn find(&self, css: &str) -> Element<'a> {
        let deadline = Instant::now() + FIND_TIMEOUT;
        loop {
            match self.driver.run(self.el.find(Locator::Css(css))) {
                Ok(el) => return Element::new(self.driver, el),
                Err(e) if e.is_no_such_element() => {}
                Err(e) => panic!("WebDriver find {css:?} in {} failed: {e}", self.id()),
            }
            if Instant::now() >= deadline {
                panic!("no descendant matches CSS selector {css:?} after {FIND_TIMEOUT:?}");
            }
            std::thread::sleep(POLL);
        }
    }
}
