// Dateline: the little that htmx does not do. Everything here is an enhancement;
// every control is a real link or form and works without it.
(function () {
  "use strict";

  function setExpanded(link, open) {
    link.setAttribute("aria-expanded", open ? "true" : "false");
    link.textContent = open ? "Hide quotes" : link.dataset.closedLabel;
  }

  // Once an event's quotes are loaded, its link folds them away and back without a request.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest("[data-citations-toggle]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      var slot = document.getElementById(link.getAttribute("aria-controls"));
      if (!slot || !slot.firstElementChild) return; // not loaded yet: htmx fetches it
      event.preventDefault();
      event.stopImmediatePropagation();
      var open = link.getAttribute("aria-expanded") === "true";
      slot.hidden = open;
      setExpanded(link, !open);
    },
    true
  );

  // Swapped results replace their own status line, which screen readers may not notice:
  // say the new count in a live region that stays put.
  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.detail.target && event.detail.target.id;
    if (swapped !== "results" && swapped !== "app") return;
    var announcer = document.getElementById("announcer");
    var summary = document.querySelector("#results .summary");
    if (announcer && summary) announcer.textContent = summary.textContent.replace(/\s+/g, " ").trim();
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var slot = event.detail.target;
    if (!slot || !slot.classList || !slot.classList.contains("citations-slot")) return;
    var link = document.querySelector('[aria-controls="' + slot.id + '"]');
    slot.hidden = false;
    if (link) setExpanded(link, true);
  });

  // htmx restores Back/Forward from snapshots of the page's HTML, which keep what was typed
  // or ticked only as the page was first served: set the filters from the URL restored.
  document.addEventListener("htmx:historyRestore", function () {
    var form = document.getElementById("filters");
    if (!form) return;
    var params = new URLSearchParams(window.location.search);
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      var values = params.getAll(field.name);
      if (field.type === "checkbox") field.checked = values.indexOf(field.value) >= 0;
      else if (field.type !== "hidden") field.value = values[0] || "";
    });
  });

  // A date's explanation opens below it, from its left edge; near the right edge of the
  // window that would run off screen, so it is moved left until it fits.
  function placeTip(event) {
    var mark = event.target.closest && event.target.closest("mark.timex");
    var tip = mark && mark.querySelector(".timex-tip");
    if (!tip) return;
    tip.style.left = "";
    var margin = 8;
    var box = tip.getBoundingClientRect();
    var overflow = box.right - (document.documentElement.clientWidth - margin);
    if (overflow > 0) tip.style.left = -Math.min(overflow, Math.max(0, box.left - margin)) + "px";
  }
  document.addEventListener("focusin", placeTip);
  document.addEventListener("mouseover", placeTip);

  // Escape closes the explanations open under the pointer or the keyboard (they cover the
  // text below them); a date's explanation opens again once it is left and come back to.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = Array.prototype.filter.call(
      document.querySelectorAll("mark.timex:not(.tip-closed)"),
      function (mark) { return mark.matches(":hover") || mark.matches(":focus-within"); }
    );
    open.forEach(function (mark) { mark.classList.add("tip-closed"); });
  });
  function reopenTip(event) {
    var mark = event.target.closest && event.target.closest("mark.timex.tip-closed");
    if (!mark || mark.contains(event.relatedTarget)) return;
    var stillOpen = event.type === "mouseout" ? mark.matches(":focus-within") : mark.matches(":hover");
    if (!stillOpen) mark.classList.remove("tip-closed");
  }
  document.addEventListener("focusout", reopenTip);
  document.addEventListener("mouseout", reopenTip);

  // On a phone the filter panel starts folded, so the timeline comes first.
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.matchMedia("(max-width: 61.99rem)").matches) return;
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) {
      details.open = false;
    });
  });
})();
