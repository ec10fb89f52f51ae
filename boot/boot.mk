# Our own boot loader and the bootable disk image; included by the top
# Makefile, whose toolchain variables (CC, LD, OBJCOPY, ARCHFLAGS, CFLAGS,
# ASFLAGS, LDFLAGS, BUILD, Q, BOOTARGS) it uses. docs/boot.md explains it.
#
#   $(BUILD)/boot/mbr.bin      sector 0: 512 bytes ending 0x55 0xAA
#   $(BUILD)/boot/stage2.bin   sectors 1..n: at most 32 KiB
#   $(BUILD)/os.img            MBR, stage 2, boot configuration, kernel, modules
#
# BOOT_MODULES: files loaded as Multiboot modules, in order, each
# "PATH" or "PATH:STRING" (the module's string; default /boot/NAME).
# Add to it before this file is included (user/user.mk is included
# first): the image's prerequisites are taken from it right here.

BOOT_MODULES ?=

BOOT_BUILD := $(BUILD)/boot
BOOT_MODULE_FILES := $(foreach m,$(BOOT_MODULES),$(firstword $(subst :, ,$(m))))

# The kernel's flags, but small (-Os) and with boot/ and kernel/ headers
# (kernel/core/multiboot.h is shared). The C runs in 32-bit protected mode.
BOOT_CFLAGS = $(filter-out $(OPT) -DHZ=%,$(CFLAGS)) -Os -Iboot -Ikernel
BOOT_ASFLAGS = $(ASFLAGS) -Iboot

STAGE2_SRCS := boot/stage2.S $(sort $(wildcard boot/*.c))
STAGE2_OBJS := $(patsubst boot/%,$(BOOT_BUILD)/%.o,$(basename $(STAGE2_SRCS))) \
	$(BOOT_BUILD)/kernel-string.o

all: $(BUILD)/os.img

$(BOOT_BUILD)/%.o: boot/%.S $(BUILD)/.config
	@mkdir -p $(@D)
	@echo "  AS      $<"
	$(Q)$(CC) $(BOOT_ASFLAGS) -c $< -o $@

$(BOOT_BUILD)/%.o: boot/%.c $(BUILD)/.config
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(BOOT_CFLAGS) -c $< -o $@

# ---- the MBR: exactly one sector, signature last. (BSD and macOS wc pad
# the count with spaces, hence the tr before comparing.)
$(BOOT_BUILD)/mbr.elf: $(BOOT_BUILD)/mbr.o boot/mbr.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -T boot/mbr.ld -o $@ $<

$(BOOT_BUILD)/mbr.bin: $(BOOT_BUILD)/mbr.elf
	$(Q)$(OBJCOPY) -O binary $< $@
	$(Q)size=$$(wc -c < $@ | tr -d ' \t'); sig=$$(od -An -tx1 -j510 -N2 $@ | tr -d ' '); \
	if [ "$$size" != 512 ] || [ "$$sig" != 55aa ]; then \
		echo "error: $@ is $$size bytes ending '$$sig'; an MBR must be 512 bytes ending 55 aa" >&2; \
		rm -f $@; exit 1; fi

# The kernel's string functions serve stage 2 too (one copy of the code).
$(BOOT_BUILD)/kernel-string.o: kernel/lib/string.c $(BUILD)/.config
	@mkdir -p $(@D)
	$(Q)$(CC) $(BOOT_CFLAGS) -c $< -o $@

# ---- stage 2: real-mode entry first (stage2.ld), then the C code.
$(BOOT_BUILD)/stage2.elf: $(STAGE2_OBJS) boot/stage2.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -T boot/stage2.ld -o $@ $(STAGE2_OBJS)

# stage2.ld already refuses to link more than fits; this says it again
# in plain words, for a size the linker cannot see (the .bin itself).
$(BOOT_BUILD)/stage2.bin: $(BOOT_BUILD)/stage2.elf
	$(Q)$(OBJCOPY) -O binary $< $@
	$(Q)size=$$(wc -c < $@ | tr -d ' \t'); if [ "$$size" -gt 32768 ]; then \
		echo "error: stage 2 is $$size bytes; the MBR loads at most 32768 (64 sectors, boot/layout.h)" >&2; \
		rm -f $@; exit 1; fi

# ---- the disk image. BOOTARGS and BOOT_MODULES live in a stamp file
# that is rewritten only when they change, so changing either rebuilds
# os.img and nothing else does.
boot_sq = '$(subst ','\'',$(1))'
BOOT_STAMP := $(BOOT_BUILD)/image-args

$(BOOT_STAMP): boot-force
	@mkdir -p $(@D)
	$(Q)printf '%s\n' $(call boot_sq,$(BOOTARGS)) $(call boot_sq,$(BOOT_MODULES)) > $@.tmp; \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/os.img: $(BOOT_BUILD)/mbr.bin $(BOOT_BUILD)/stage2.bin $(BUILD)/kernel.elf \
		$(BOOT_MODULE_FILES) $(BOOT_STAMP) tools/mkimage.py
	@echo "  IMAGE   $@"
	$(Q)python3 tools/mkimage.py --quiet --mbr $(BOOT_BUILD)/mbr.bin \
		--stage2 $(BOOT_BUILD)/stage2.bin --kernel $(BUILD)/kernel.elf \
		$(foreach m,$(BOOT_MODULES),--module $(call boot_sq,$(m))) \
		--cmdline $(call boot_sq,$(BOOTARGS)) -o $@

.PHONY: boot-force
