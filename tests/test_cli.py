"""The CLI answers --help quickly, without loading the heavy stages."""

import subprocess
import sys


def test_help_lists_commands_without_importing_models():
    code = (
        "import sys; from click.testing import CliRunner; from newsmine.cli import cli;"
        "r = CliRunner().invoke(cli, ['--help']); print(r.output);"
        "print('HEAVY' if {'spacy', 'torch', 'transformers'} & set(sys.modules) else 'LIGHT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "corpus" in out
    assert out.strip().endswith("LIGHT")
