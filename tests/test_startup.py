"""labkit defers rfc3987_syntax's 35 parsers until an iri format is checked, with the same answers."""

import subprocess
import sys

from jupyter_client.manager import start_new_kernel

IRIS = ["http://example.org/ä?q=1#frag", "urn:isbn:0451450523", "//example.org/x", "not an iri ::", "", "a b"]
CHECK = f"""
import sys, jsonschema
checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
print([checker.conforms(v, f) for f in ("iri", "iri-reference") for v in {IRIS!r}])
"""


def run(code):
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()


def test_iri_answers_are_the_real_modules_and_come_on_first_use():
    real = run(CHECK)
    lines = run("import labkit, altair, sys\n"
                "print('rfc3987_syntax.syntax_helpers' in sys.modules)\n" + CHECK +
                "print('rfc3987_syntax.syntax_helpers' in sys.modules)")
    assert lines == ["False", *real, "True"]
    assert "True" in real[0] and "False" in real[0]  # both answers occur: the check can tell


def test_a_kernel_has_not_imported_jsonschema_before_the_notebook_imports_labkit():
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        msgs = []
        kc.execute_interactive("import sys; print('jsonschema' in sys.modules, 'rfc3987_syntax' in sys.modules)",
                               output_hook=msgs.append, timeout=60)
        text = "".join(m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream")
        assert text.strip() == "False False"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
