"""The public API is deliberate: a sorted __all__ that names exactly what is exported."""

import inspect

import labkit


def test_all_is_sorted_and_unique():
    assert labkit.__all__ == sorted(set(labkit.__all__))


def test_all_names_exist_and_nothing_public_is_missing():
    for name in labkit.__all__:
        assert hasattr(labkit, name), name
    public = {n for n, v in vars(labkit).items()
              if not n.startswith("_") and not inspect.ismodule(v)}
    assert public == set(labkit.__all__)
