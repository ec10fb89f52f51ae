"""`make` builds build/os.img, and our loader (MBR, stage 2) boots it to the kernel's banner."""
boot = "disk"
mem = 32
timeout = 15
until = r"^clock: "              # build/os.img has the default (empty) BOOTARGS


def check(t):
    t.expect(r"^boot: MBR: loading stage 2", what="the MBR ran")
    t.expect(r"^boot: stage 2 at 0x7e00 ", what="stage 2 ran")
    t.expect(r"^boot: jumping to the kernel at 0x[0-9a-f]+ \(EAX=0x2badb002, ",
             what="stage 2 started the kernel with the Multiboot magic")
    t.expect(r"^Orchard teaching kernel 0\.1 \(i386\)$")
    t.expect(r"^cmdline: /boot/kernel\.elf\b", what="the command line starts with the kernel's path")
    t.absent(r"^boot: error")
