"""An unknown command-line key is reported and ignored; known ones still work."""
args = 'colour=blue test=boot poweroff'


def check(t):
    t.expect(r"^cmdline: unknown option 'colour' ignored; known options:.* test")
    t.expect(r"^selftest: boot ok$")
