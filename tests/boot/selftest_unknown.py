"""test=NAME with an unknown NAME says so rather than silently idling."""
args = "test=nosuch poweroff"


def check(t):
    t.expect(r"^selftest: unknown test 'nosuch'$")
