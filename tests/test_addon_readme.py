"""Each addon has the readme fragments of an OCA addon, and a README.rst generated from them and from its manifest
by OCA's oca-gen-addon-readme. The generator writes the digest of its sources into the README; a fragment or a
manifest changed without generating the README again no longer matches it."""

import hashlib
import os
import re

import pytest
from conftest import ADDONS, ROOT

FRAGMENTS = ('DESCRIPTION', 'CONFIGURE', 'USAGE', 'CONTRIBUTORS', 'HISTORY')
DIGEST = re.compile(r'!! source digest: (sha256:\w+)')


def source_digest(addon_dir):
    """The generator's digest: the relative name and the content of the manifest, then of each file under readme/
    in sorted order, leaving out hidden files."""
    digest = hashlib.sha256()
    names = ['__manifest__.py']
    for folder, subfolders, files in os.walk(addon_dir / 'readme'):
        subfolders.sort()
        relative = os.path.relpath(folder, addon_dir)
        names += [os.path.join(relative, name) for name in sorted(files) if not name.startswith('.')]
    for name in names:
        digest.update(name.encode())
        digest.update((addon_dir / name).read_bytes())
    return f'sha256:{digest.hexdigest()}'


@pytest.mark.parametrize('addon', ADDONS)
def test_addon_has_its_fragments_and_a_current_readme(addon):
    addon_dir = ROOT / 'addons' / addon
    missing = [name for name in FRAGMENTS if not (addon_dir / 'readme' / f'{name}.md').is_file()]
    assert not missing, f'{addon} has no readme fragment {missing}'
    readme = (addon_dir / 'README.rst').read_text()
    assert DIGEST.search(readme).group(1) == source_digest(addon_dir), (
        f'{addon}/README.rst is older than its fragments or manifest: run oca-gen-addon-readme again'
    )
    assert (addon_dir / 'static' / 'description' / 'index.html').is_file()
