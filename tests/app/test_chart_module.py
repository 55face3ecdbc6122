"""Vega served once by labkit serve instead of inside every chart."""

import altair as alt
import pytest

from labkit.app import chart_module


def test_bundle_is_altairs_offline_module_and_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    data = chart_module.bundle()
    cached = list((tmp_path / "labkit").glob("jupyterchart-altair-*-vl-convert-*.js"))
    assert len(cached) == 1 and cached[0].read_bytes() == data
    alt.JupyterChart.enable_offline()
    assert data == alt.JupyterChart._esm.encode("utf-8")
    assert b"https://" not in data.split(b"\n", 3)[0]  # no CDN import left at the top
    cached[0].write_bytes(b"// from the cache")
    assert chart_module.bundle() == b"// from the cache"  # no rebuild while the versions match


def test_write_names_the_file_by_its_content(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    name = chart_module.write(tmp_path / "root")
    assert (tmp_path / "root" / name).read_bytes() == chart_module.bundle()
    assert chart_module.write(tmp_path / "other") == name


@pytest.mark.parametrize("value", ["", "../labkit-vega-0123456789abcdef.js", "labkit-vega-0123.js",
                                   "labkit-vega-0123456789abcdef.js/../../data", "/etc/passwd",
                                   "labkit-vega-0123456789ABCDEF.js\n"])
def test_only_a_well_formed_name_is_taken_from_the_environment(monkeypatch, value):
    monkeypatch.setenv(chart_module.ENV, value)
    assert chart_module.served_name() is None
    assert chart_module.chart_class() is alt.JupyterChart  # then vega travels inline, as in JupyterLab
    with pytest.raises(ValueError):
        chart_module.stub(value)


def test_served_charts_carry_a_small_module_that_imports_the_file(monkeypatch):
    name = "labkit-vega-0123456789abcdef.js"
    monkeypatch.setenv(chart_module.ENV, name)
    cls = chart_module.chart_class()
    assert cls is chart_module.chart_class() and issubclass(cls, alt.JupyterChart)
    chart = cls(alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q"))
    assert len(chart._esm) < 400
    assert f'import(new URL("../files/{name}?v=0123456789abcdef", window.location.href)' in chart._esm
    assert "export default mod.default;" in chart._esm
    assert chart.spec["mark"]["type"] == "point"
    # the address the page preloads is the one the module imports
    assert chart_module.address(name) == f"files/{name}?v=0123456789abcdef"
