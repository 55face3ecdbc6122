// labkit publish: tabs, the network map's filters, the organisation picker and the step between rounds, without a kernel.
// vega-embed (assets/labkit-vega-*.js, window.vegaEmbed) draws the specs in #lk-specs; choosing
// a filter or an organisation sets a parameter of the drawn chart. No data text becomes markup:
// the page holds every organisation's panel already escaped, and this script only shows one.
(() => {
  "use strict";
  const source = document.getElementById("lk-specs");
  if (!source) return;
  const {embed, specs} = JSON.parse(source.textContent);
  const views = {};  // chart name -> promise of its vega view
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const panels = tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls")));
  const chart = (name) => document.querySelector(`.lk-chart[data-chart="${name}"]`);
  const choices = (name) => Array.from(document.querySelectorAll(`select[data-chart="${name}"]`));

  function draw(el) {
    const name = el.dataset.chart;
    if (!views[name]) {
      // drawn with the choices as they are (the browser keeps them when one goes back to the page)
      const spec = JSON.parse(JSON.stringify(specs[name]));
      choices(name).forEach((select) => {
        (spec.params || []).forEach((p) => { if (p.name === select.dataset.signal) p.value = select.value; });
      });
      views[name] = window.vegaEmbed(el, spec, embed).then((result) => {
        el.dataset.drawn = "true";
        return result.view;
      });
    }
    return views[name];
  }

  function show(key) {
    let i = panels.findIndex((panel) => panel && panel.id === key);
    if (i < 0) i = 0;
    tabs.forEach((tab, j) => {
      tab.setAttribute("aria-selected", String(i === j));
      tab.tabIndex = i === j ? 0 : -1;
    });
    panels.forEach((panel, j) => { panel.hidden = i !== j; });
    panels[i].querySelectorAll(".lk-chart:not([hidden])").forEach(draw);  // the rest when shown
    // the other language and the other themes open on the same tab
    document.querySelectorAll("a.lk-lang").forEach((a) => {
      a.href = a.href.split("#")[0] + "#" + panels[i].id;
    });
  }

  function pick(org) {
    document.querySelectorAll(".lk-ego").forEach((panel) => { panel.hidden = panel.dataset.org !== org; });
    const el = chart("ego");
    if (el) el.hidden = !org;
    document.querySelectorAll(".lk-ego-hint").forEach((hint) => { hint.hidden = Boolean(org); });
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener("click", (event) => {
      event.preventDefault();
      history.pushState(null, "", "#" + panels[i].id);
      show(panels[i].id);
    });
    tab.addEventListener("keydown", (event) => {
      const step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      next.click();
    });
  });
  window.addEventListener("popstate", () => show(location.hash.slice(1)));

  document.querySelectorAll("select[data-signal]").forEach((select) => {
    select.addEventListener("change", () => {
      const el = chart(select.dataset.chart);
      if (select.dataset.chart === "ego") pick(select.value);
      if (el.hidden) return;  // a hidden chart takes the choice when it is drawn or shown again
      draw(el).then((view) => view.signal(select.dataset.signal, select.value).runAsync());
    });
  });
  // the change between rounds: one step's sentences and chart at a time
  function step(value) {
    document.querySelectorAll(".lk-step-panel").forEach((panel) => {
      const here = panel.dataset.step === value;
      panel.hidden = !here;
      panel.querySelectorAll(".lk-chart").forEach((el) => {
        el.hidden = !here;
        if (here && !panel.closest(".lk-panel").hidden) draw(el);
      });
    });
  }
  document.querySelectorAll("select.lk-step").forEach((select) => {
    select.addEventListener("change", () => step(select.value));
    step(select.value);  // back on the page, the browser may have kept another step
  });

  document.querySelectorAll("select.lk-goto").forEach((select) => {
    select.addEventListener("change", () => { location.href = select.value + location.hash; });
    // back on this page (the browser keeps it as it was left): the menu names this theme again
    window.addEventListener("pageshow", () => {
      const here = select.querySelector("option[selected]");
      if (here) select.value = here.value;
    });
  });

  const org = choices("ego")[0];
  pick(org ? org.value : "");
  show(location.hash.slice(1));
})();
