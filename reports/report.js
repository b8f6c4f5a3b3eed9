// Filters for the findings list and the aligned text. Reads only the page's
// own data-* attributes and checkboxes; builds no HTML from text.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = document.querySelectorAll("#finding-list > li.finding");
  var marks = document.querySelectorAll("mark[data-f]");
  var shown = document.getElementById("shown");

  function checked(name) {
    var out = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }

  function apply() {
    var sev = checked("severity"), rule = checked("rule"), visible = 0, hidden = {};
    items.forEach(function (li) {
      var on = sev[li.dataset.severity] && rule[li.dataset.rule];
      li.hidden = !on;
      if (on) { visible += 1; } else { hidden[li.id.slice(2)] = true; }
    });
    marks.forEach(function (m) { m.classList.toggle("dim", !!hidden[m.dataset.f]); });
    shown.textContent = visible + " of " + items.length + " findings shown";
  }

  form.addEventListener("change", apply);
  document.querySelectorAll("[data-only-rule]").forEach(function (a) {
    a.addEventListener("click", function () {
      var want = a.dataset.onlyRule;
      form.querySelectorAll("input[name=rule]").forEach(function (box) { box.checked = box.value === want; });
      form.querySelectorAll("input[name=severity]").forEach(function (box) { box.checked = true; });
      apply();
    });
  });
  apply();
})();
