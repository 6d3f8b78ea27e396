// The review queue by keyboard: j/k move between events, a/r/e/m act on the current one,
// x selects it for a bulk decision. Every key presses a button a mouse can press too.
(function () {
  "use strict";

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".review-item"));
  }

  function current() {
    return document.querySelector(".review-item.current") || items()[0] || null;
  }

  function select(item) {
    if (!item) return;
    items().forEach(function (other) { other.classList.remove("current"); });
    item.classList.add("current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = items();
    var at = all.indexOf(current());
    select(all[Math.min(Math.max(at + step, 0), all.length - 1)]);
  }

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      var open = document.querySelector(".review-item details.edit[open]");
      if (open) {
        open.open = false;
        select(open.closest(".review-item"));
      }
      return;
    }
    if (typing(event.target)) return;
    var item = current();
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (item && "arm".indexOf(event.key) >= 0 && event.key.length === 1) {
      var button = item.querySelector('[data-key="' + event.key + '"]');
      if (!button || button.disabled) return;
      button.click();
    } else if (item && event.key === "e") {
      var edit = item.querySelector("details.edit");
      if (!edit) return;
      edit.open = true;
      var title = edit.querySelector("input[name=title]");
      if (title) { title.focus(); title.select(); }
    } else if (item && event.key === "x") {
      var box = item.querySelector('input[type=checkbox][name="event"]');
      if (box) box.checked = !box.checked;
    } else return;
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest(".review-item");
    if (item && !item.classList.contains("current")) {
      items().forEach(function (other) { other.classList.remove("current"); });
      item.classList.add("current");
    }
  });

  // After a decision, the next event is the current one; after a failed edit, the same.
  document.addEventListener("htmx:afterSwap", function (event) {
    var id = event.detail.target && event.detail.target.id;
    var item = id && id.indexOf("review-") === 0 && document.getElementById(id);
    if (!item || !item.classList.contains("review-item")) return;
    if (item.querySelector(".error")) {
      item.classList.add("current");
      item.focus({ preventScroll: true });
      return;
    }
    var all = items();
    select(all[all.indexOf(item) + 1] || item);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var target = window.location.hash && document.querySelector(window.location.hash);
    select(target && target.classList.contains("review-item") ? target : items()[0]);
  });
})();
