"""kmalloc/kfree of many sizes keeps data intact and leaks no frame."""
args = "test=kheap poweroff"


def check(t):
    t.expect(r"^selftest: kheap ok \(bad 0, free frames (\d+) -> \1, in use 0 bytes\)$")
