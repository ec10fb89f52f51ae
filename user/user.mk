# User programs and the initramfs. Included by the top Makefile.
#
# A program is one file: user/NAME.c becomes /bin/NAME; a test program
# user/tests/NAME.c becomes /test/NAME (run by /bin/runtests), and a
# scheduling property test user/schedtests/NAME.c becomes /schedtest/NAME
# (runtests -d /schedtest). The C
# library is user/lib/*.c (plus the kernel's lib/format.c and lib/string.c,
# shared). Programs are stripped into the archive; the unstripped ELF files
# stay in build/user/ for GDB.

USER_CFLAGS = $(ARCHFLAGS) -std=gnu11 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -fno-asynchronous-unwind-tables -fno-builtin-printf -g $(OPT) \
	-Wall -Wextra -Werror -MMD -MP -Iuser/include -Ikernel -DNPROC=$(NPROC)
USER_LDFLAGS := $(LDFLAGS) -T user/user.ld

ULIB_SRCS := $(wildcard user/lib/*.c) user/lib/usys.S kernel/lib/format.c kernel/lib/string.c
ULIB_OBJS := $(patsubst %,$(BUILD)/ulib/%.o,$(basename $(ULIB_SRCS)))
UPROGS    := $(patsubst user/%.c,%,$(wildcard user/*.c))
UTESTS    := $(patsubst user/tests/%.c,%,$(wildcard user/tests/*.c))
USTESTS   := $(patsubst user/schedtests/%.c,%,$(wildcard user/schedtests/*.c))
UPROG_ELFS := $(UPROGS:%=$(BUILD)/user/%) $(UTESTS:%=$(BUILD)/user/tests/%) \
	$(USTESTS:%=$(BUILD)/user/schedtests/%)

$(BUILD)/ulib/%.o: %.c $(BUILD)/.config
	@mkdir -p $(@D)
	@echo "  CC      $< (user)"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(BUILD)/ulib/%.o: %.S $(BUILD)/.config
	@mkdir -p $(@D)
	$(Q)$(CC) $(ASFLAGS) -Ikernel -c $< -o $@

$(BUILD)/ulib.a: $(ULIB_OBJS)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/uobj/%.o: user/%.c $(BUILD)/.config
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(BUILD)/user/%: $(BUILD)/uobj/%.o $(BUILD)/ulib.a user/user.ld
	@mkdir -p $(@D)
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(BUILD)/ulib/user/lib/start.o $< $(BUILD)/ulib.a $(LIBGCC)

# The archive: stripped copies under build/initramfs/, packed in cpio newc
# (sorted, so the same programs give the same archive). Each program in
# /bin carries its one-line description (the first sentence of its source's
# opening comment, see user/description.awk) in an ELF section named
# .description, which the shell's `help` reads; a program without one
# does not build.
$(BUILD)/initramfs.cpio: $(UPROG_ELFS) user/user.mk user/description.awk $(shell find user/rootfs -type f)
	@echo "  CPIO    $@"
	$(Q)rm -rf $(BUILD)/initramfs && mkdir -p $(BUILD)/initramfs/bin $(BUILD)/initramfs/test \
		$(BUILD)/initramfs/schedtest
	$(Q)for p in $(UPROGS); do $(STRIP) -o $(BUILD)/initramfs/bin/$$p $(BUILD)/user/$$p && \
		awk -v name=$$p -f user/description.awk user/$$p.c > $(BUILD)/uobj/$$p.description && \
		$(OBJCOPY) --add-section .description=$(BUILD)/uobj/$$p.description \
			$(BUILD)/initramfs/bin/$$p || exit 1; done
	$(Q)for p in $(UTESTS); do $(STRIP) -o $(BUILD)/initramfs/test/$$p $(BUILD)/user/tests/$$p; done
	$(Q)for p in $(USTESTS); do $(STRIP) -o $(BUILD)/initramfs/schedtest/$$p $(BUILD)/user/schedtests/$$p; done
	$(Q)cp -R user/rootfs/. $(BUILD)/initramfs/ && mkdir -p $(BUILD)/initramfs/tmp
	$(Q)cd $(BUILD)/initramfs && find . | LC_ALL=C sort | cpio -o -H newc --quiet > ../initramfs.cpio

all: $(BUILD)/initramfs.cpio
BOOT_MODULES += $(BUILD)/initramfs.cpio

.SECONDARY: $(UPROG_ELFS:$(BUILD)/user/%=$(BUILD)/uobj/%.o)
