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

// Triage: j / k move between the findings shown, a accepts the current one; accepting asks for
// a reason (kept in the baseline as a waiver); "Download baseline" writes the JSON that
// --baseline reads: the entries already accepted plus those accepted here. Nothing is sent
// anywhere: the file is made in the page. Links into the full text open it.
(function () {
  "use strict";
  var list = document.getElementById("finding-list");
  var seed = document.getElementById("baseline-seed");
  var full = document.getElementById("full-text");
  if (full) {
    var reveal = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var el = id && document.getElementById(id);
      if (el && full.contains(el) && !full.open) { full.open = true; el.scrollIntoView(); }
    };
    window.addEventListener("hashchange", reveal);
    reveal();
  }
  if (!list || !seed) { return; }
  var accepted = {};
  var count = document.getElementById("accepted-count");

  function shown() {
    return Array.prototype.filter.call(list.querySelectorAll("li.finding"), function (li) { return !li.hidden; });
  }
  function current() {
    var items = shown(), at = items.indexOf(document.activeElement);
    return { items: items, at: at };
  }
  function go(step) {
    var c = current();
    if (!c.items.length) { return; }
    var next = c.at < 0 ? (step > 0 ? 0 : c.items.length - 1) : Math.min(Math.max(c.at + step, 0), c.items.length - 1);
    c.items[next].focus();
    c.items[next].scrollIntoView({ block: "nearest" });
  }
  function accept(li) {
    var reason = window.prompt("Why is this finding accepted? (kept in the baseline)", "");
    if (reason === null) { return; }
    accepted[li.dataset.fingerprint] = {
      fingerprint: li.dataset.fingerprint, rule: li.dataset.rule, code: li.dataset.code,
      message: li.querySelector(".msg").textContent, reason: reason
    };
    if (!reason) { delete accepted[li.dataset.fingerprint].reason; }
    li.classList.add("accepted-here");
    li.querySelector(".reason").textContent = reason ? "accepted: " + reason : "accepted";
    count.textContent = String(Object.keys(accepted).length);
  }
  list.addEventListener("click", function (e) {
    var button = e.target.closest("button.accept");
    if (button) { accept(button.closest("li.finding")); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) { return; }
    if (e.key === "j") { go(1); } else if (e.key === "k") { go(-1); } else if (e.key === "a") {
      var c = current();
      if (c.at >= 0) { accept(c.items[c.at]); }
    }
  });
  document.getElementById("download-baseline").addEventListener("click", function () {
    var doc = JSON.parse(seed.textContent);
    Object.keys(accepted).sort().forEach(function (fp) {
      doc.entries = doc.entries.filter(function (e) { return e.fingerprint !== fp; });
      doc.entries.push(accepted[fp]);
    });
    var blob = new Blob([JSON.stringify(doc, null, 1) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "qa-baseline.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
})();
