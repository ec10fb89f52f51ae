# Orchard: a teaching kernel for 32-bit x86.
#
#   make            build everything under build/ (never starts QEMU)
#   make qemu       boot build/os.img through our own loader (window, or terminal)
#   make qemu-nox   the same, always in the terminal (quit: Ctrl-A then X)
#   make qemu-kernel  boot build/kernel.elf through QEMU's Multiboot loader
#   make qemu-gdb   start QEMU halted with a GDB stub;  make gdb  attaches
#   make test       every test; ends with "N passed, N failed"
#   make help       all the targets
#
# Options: TOOLPREFIX=... (toolchain), LLVM=1 (clang + ld.lld), MEM=128 (MiB),
# BOOTARGS="key=value ..." (kernel command line), SCHED=NAME (scheduling
# policy: rr prio mlfq lottery stride cfs; a sched= in BOOTARGS wins), HZ=100, OPT=-O2,
# CPUS=2 (CPUs QEMU emulates, 1 to NCPU), QEMUEXTRA="..." (extra QEMU options).
# See README.md.

BUILD    ?= build
MEM      ?= 128
HZ       ?= 100
OPT      ?= -O2
BOOTARGS ?=
SCHED    ?=
# SCHED=NAME becomes sched=NAME at the front of the kernel command line
# (make qemu's disk image, make qemu-kernel, make run): the kernel takes
# the last of repeated options, so a sched= in BOOTARGS wins.
ifneq ($(SCHED),)
override BOOTARGS := sched=$(SCHED) $(BOOTARGS)
endif
RUN_TIMEOUT ?= 60
NPROC    ?= 64
# CPUS=N: every QEMU target (and make run, test, bench, sched-demo, grade
# through the environment) emulates N CPUs with -smp N. The kernel uses at
# most NCPU (kernel/core/cpu.h), so a larger N is refused here.
CPUS     ?= 2
NCPU     := $(shell sed -n 's/^\#define NCPU \([0-9]*\).*/\1/p' kernel/core/cpu.h)
ifeq ($(filter $(CPUS),$(shell seq 1 $(NCPU))),)
$(error CPUS=$(CPUS): give a number of CPUs from 1 to $(NCPU) (NCPU in kernel/core/cpu.h))
endif
# make run reads these from the environment. CMD must reach sh byte for
# byte, so it becomes a simple variable holding its text exactly as given
# ($(value CMD): $5 and $(HOME) are not expanded), and make exports a
# simple variable as it is, newlines included.
ifdef CMD
override CMD := $(value CMD)
endif
export CMD BOOTARGS QEMUEXTRA MEM RUN_TIMEOUT CPUS
# V=1 shows whole compiler command lines.
Q := $(if $(V),,@)

# ------------------------------------------------------------------- tools
# What each goal needs (tools/setup.sh's words). Every build step waits for
# the `tools` recipe, which installs what is missing; nothing is checked or
# installed while make reads this file, so `make -n`, `make clean` and
# `make help` install nothing.
BUILD_NEED := $(if $(filter 1,$(LLVM)),build-llvm,$(if $(filter undefined,$(origin TOOLPREFIX)),build,base))
RUN_NEED   := $(BUILD_NEED) qemu
$(foreach g,qemu qemu-nox qemu-kernel qemu-gdb qemu-kernel-gdb run fuzz bench boottime sched-demo,\
	$(eval setup_needs_$(g) := $(RUN_NEED)))
setup_needs_grade := $(RUN_NEED) hostcc
setup_needs_grade-all := $(RUN_NEED) hostcc
setup_needs_gdb   := $(BUILD_NEED) gdb
setup_needs_test  := test
SETUP_NEEDS := $(sort $(foreach g,$(or $(MAKECMDGOALS),all),$(or $(setup_needs_$(g)),$(BUILD_NEED))))

tools:
	@sh tools/setup.sh --quiet $(SETUP_NEEDS)

# ---------------------------------------------------------------- toolchain
# Found when a recipe first needs it (after `tools` has run), once per make:
# tools/find-toolchain.sh proves the toolchain by linking 64-bit division
# against its runtime library (libgcc, or compiler-rt's builtins for LLVM).
# The `$(eval X := ...)$(X)` form computes X once, on first use.
ifeq ($(LLVM),1)
TOOLCHAIN = $(eval TOOLCHAIN := $(shell V=$(V) sh tools/find-toolchain.sh --llvm))$(TOOLCHAIN)
CC       := clang --target=i686-elf
LD       := ld.lld
OBJCOPY  := llvm-objcopy
AR       := llvm-ar
OBJDUMP  := llvm-objdump
NM       := llvm-nm
STRIP    := llvm-strip
ARCHFLAGS :=
LIBGCC   = $(word 3,$(TOOLCHAIN))
else
ifeq ($(origin TOOLPREFIX),undefined)
TOOLCHAIN = $(eval TOOLCHAIN := $(shell V=$(V) sh tools/find-toolchain.sh))$(TOOLCHAIN)
TOOLPREFIX = $(patsubst -,,$(word 1,$(TOOLCHAIN)))
ARCHFLAGS  = $(patsubst -,,$(word 2,$(TOOLCHAIN)))
LIBGCC     = $(word 3,$(TOOLCHAIN))
else
# A compiler whose default target is not i?86 (host gcc, x86_64-elf-gcc)
# is asked for 32-bit code.
ARCHFLAGS = $(eval ARCHFLAGS := $(if $(filter i386% i486% i586% i686%,$(shell $(CC) -dumpmachine)),,-m32))$(ARCHFLAGS)
LIBGCC    = $(eval LIBGCC := $(shell $(CC) $(ARCHFLAGS) -print-libgcc-file-name))$(LIBGCC)
endif
CC       = $(TOOLPREFIX)gcc
LD       = $(TOOLPREFIX)ld
OBJCOPY  = $(TOOLPREFIX)objcopy
AR       = $(TOOLPREFIX)ar
OBJDUMP  = $(TOOLPREFIX)objdump
NM       = $(TOOLPREFIX)nm
STRIP    = $(TOOLPREFIX)strip
endif

# Freestanding, no FPU/SSE in the kernel (user FPU state is never touched by
# kernel code), frame pointers kept for backtraces, warnings are errors.
# (Recursive `=`: ARCHFLAGS is known only once a recipe runs.)
CFLAGS = $(ARCHFLAGS) -std=gnu11 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -fno-strict-aliasing -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -mno-sse -mno-mmx -mno-80387 -g $(OPT) \
	-Wall -Wextra -Werror -MMD -MP -DHZ=$(HZ) -DNPROC=$(NPROC)
ifeq ($(LLVM),1)
ASFLAGS = -g -MMD -MP
else
ASFLAGS = $(ARCHFLAGS) -g -Wa,--noexecstack -MMD -MP
endif
# Everything the link needs is said explicitly, so that a binutils release
# with other defaults (PIE, build-ids, property notes) changes nothing.
LDFLAGS := -m elf_i386 -nostdlib -static --build-id=none -z max-page-size=4096 -z noexecstack

# Objects depend on the build options through this file, rewritten only
# when they change (so `make NPROC=1024` rebuilds what it must).
# Every object depends on it, so every build step waits for `tools`.
CONFIG_LINE = HZ=$(HZ) NPROC=$(NPROC) OPT=$(OPT) CC=$(CC) $(ARCHFLAGS)
$(BUILD)/.config: tools
	@mkdir -p $(@D)
	@echo '$(CONFIG_LINE)' > $@.tmp; if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# ------------------------------------------------------------------- kernel
KERNEL_CFLAGS = $(CFLAGS) -Ikernel
KSRCS := $(sort $(shell find kernel -name '*.c' -o -name '*.S'))
KOBJS := $(patsubst %,$(BUILD)/%.o,$(basename $(KSRCS)))

.DEFAULT_GOAL := all
all: $(BUILD)/kernel.elf

$(BUILD)/kernel/%.o: kernel/%.c $(BUILD)/.config
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/kernel/%.o: kernel/%.S $(BUILD)/.config
	@mkdir -p $(@D)
	@echo "  AS      $<"
	$(Q)$(CC) $(ASFLAGS) -Ikernel -c $< -o $@

# The kernel carries its own symbol table (QEMU's Multiboot loader passes no
# section headers), so the link runs twice: pass 1 without symbols, then
# tools/mksyms.py turns pass 1's function symbols into .ksyms, and pass 2
# links it in. .ksyms sits after .data, so no function moves between passes.
$(BUILD)/ksyms-empty.o: tools/ksyms.S $(BUILD)/.config
	@mkdir -p $(@D)
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(BUILD)/kernel.pass1.elf: $(KOBJS) $(BUILD)/ksyms-empty.o kernel/kernel.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -T kernel/kernel.ld -o $@ $(KOBJS) $(BUILD)/ksyms-empty.o $(LIBGCC)

$(BUILD)/ksyms.bin: $(BUILD)/kernel.pass1.elf tools/mksyms.py
	$(Q)$(NM) -n $< | python3 tools/mksyms.py > $@

$(BUILD)/ksyms.o: tools/ksyms.S $(BUILD)/ksyms.bin
	$(Q)$(CC) $(ASFLAGS) -DKSYMS_FILE='"$(BUILD)/ksyms.bin"' -c $< -o $@

$(BUILD)/kernel.elf: $(KOBJS) $(BUILD)/ksyms.o kernel/kernel.ld
	@echo "  LD      $@ (+ kernel.asm, kernel.sym)"
	$(Q)$(LD) $(LDFLAGS) -T kernel/kernel.ld -o $@ $(KOBJS) $(BUILD)/ksyms.o $(LIBGCC)
	$(Q)$(NM) -n $(BUILD)/kernel.pass1.elf | python3 tools/mksyms.py --check $@ $(NM)
	$(Q)$(OBJDUMP) -S $@ > $(BUILD)/kernel.asm
	$(Q)$(NM) -n $@ > $(BUILD)/kernel.sym

include user/user.mk
-include boot/boot.mk

# -------------------------------------------------------------------- QEMU
QEMU     := qemu-system-i386
GDBPORT  := $(shell expr `id -u` % 5000 + 25000)
QEMUOPTS := -m $(MEM) -smp $(CPUS) -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 $(QEMUEXTRA)
QEMU_DISK   := -drive file=$(BUILD)/os.img,format=raw,index=0,media=disk
QEMU_KERNEL := -kernel $(BUILD)/kernel.elf -initrd $(BUILD)/initramfs.cpio -append "$(BOOTARGS)"
# A window when there is a display, the terminal otherwise (SSH, CI).
HAVE_DISPLAY := $(if $(DISPLAY)$(WAYLAND_DISPLAY),1,)
QEMU_UI := $(if $(HAVE_DISPLAY),-serial mon:stdio,-nographic)

qemu: $(BUILD)/os.img
	@echo "*** Quit QEMU: Ctrl-A then X in this terminal (or close the window)."
	$(QEMU) $(QEMU_DISK) $(QEMU_UI) $(QEMUOPTS)

qemu-nox: $(BUILD)/os.img
	@echo "*** Quit QEMU: Ctrl-A then X."
	$(QEMU) $(QEMU_DISK) -nographic $(QEMUOPTS)

qemu-kernel: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio
	@echo "*** Quit QEMU: Ctrl-A then X in this terminal (or close the window)."
	$(QEMU) $(QEMU_KERNEL) $(QEMU_UI) $(QEMUOPTS)

# GDB's setup for this user's port and build directory; see docs/debugging.md.
# Rewritten when the template, GDBPORT or BUILD changes (compared each time).
.gdbinit: tools/gdbinit.tmpl gdbinit-force
	@sed -e 's/@GDBPORT@/$(GDBPORT)/g' -e 's|@BUILD@|$(BUILD)|g' $< > $@.tmp; \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
.PHONY: gdbinit-force

qemu-gdb: $(BUILD)/os.img .gdbinit
	@echo "*** QEMU is halted, waiting for GDB on port $(GDBPORT): run 'make gdb' in another terminal."
	@echo "*** Quit QEMU: Ctrl-A then X."
	$(QEMU) $(QEMU_DISK) -nographic $(QEMUOPTS) -S -gdb tcp::$(GDBPORT)

# The same through QEMU's Multiboot loader: needs no disk image.
qemu-kernel-gdb: $(BUILD)/kernel.elf .gdbinit
	@echo "*** QEMU is halted, waiting for GDB on port $(GDBPORT): run 'make gdb' in another terminal."
	@echo "*** Quit QEMU: Ctrl-A then X."
	$(QEMU) $(QEMU_KERNEL) -nographic $(QEMUOPTS) -S -gdb tcp::$(GDBPORT)

# GDB 13 will not auto-load a project's .gdbinit (auto-load safe-path), so
# it is named with -x; turning the auto-load off first spares the long
# "auto-loading has been declined" warning it would print anyway.
# The first GDB that understands i386, in the README's order; a port
# nobody listens on means no QEMU is waiting.
GDB = $(eval GDB := $(firstword $(foreach g,gdb gdb-multiarch i386-elf-gdb x86_64-elf-gdb,$(shell command -v $(g)))))$(GDB)
gdb: .gdbinit $(BUILD)/kernel.elf
	@python3 tools/gdb/listening.py $(GDBPORT) || { \
		echo "make gdb: no QEMU is waiting for GDB on port $(GDBPORT)." >&2; \
		echo "make gdb: start it first, in another terminal: make qemu-gdb (or make qemu-kernel-gdb)" >&2; \
		exit 1; }
	$(GDB) -q -iex 'set auto-load local-gdbinit off' -x .gdbinit

# -------------------------------------------------------------------- tests
test: all
	python3 tools/testrun.py $(T)

# Deterministic benchmarks (guest instructions per operation; see
# docs/performance.md).
bench: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio
	@python3 tools/bench.py

# Wall time from QEMU start to the shell prompt (median of 5 boots).
boottime: $(BUILD)/os.img
	@python3 tools/boottime.py

# make sched-demo SCHED=lottery [DEMO="30 20 10"] [DEMO_TICKS=1000]: runs
# the policy's schedemo workload under the scheduling trace and draws it:
# build/sched-demo/POLICY-{timeline,zoom,shares}.svg (docs/scheduler.md).
# Each policy's workload shows what it does: rr, jobs taking turns; prio,
# an I/O job above two CPU-bound jobs that share, and one below them that
# starves; mlfq, a CPU-bound and an I/O-bound job with their queue levels;
# lottery and stride, tickets 30:20:10; cfs, priorities whose weights are
# about 48:31:20. Those promises hold per CPU, so the demo runs on one CPU
# unless CPUS is given (make sched-demo SCHED=rr CPUS=2: one lane per CPU,
# jobs moving between them).
DEMO_CPUS  := $(if $(filter file,$(origin CPUS)),1,$(CPUS))
DEMO_rr      := cpu cpu io
DEMO_prio    := -p i25 20 20 10
DEMO_mlfq    := -l cpu io
DEMO_lottery := 30 20 10
DEMO_stride  := 30 20 10
DEMO_cfs     := -p 18 16 14
DEMO       ?= $(DEMO_$(or $(SCHED),rr))
DEMO_TICKS ?= 1000
DEMO_OUT   := $(BUILD)/sched-demo/$(or $(SCHED),rr)
sched-demo: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio
	@mkdir -p $(BUILD)/sched-demo
	@CMD="schedtrace schedemo -t $(DEMO_TICKS) $(DEMO)" RUN_TIMEOUT=$$(( $(DEMO_TICKS) / 50 + 60 )) \
		CPUS=$(DEMO_CPUS) python3 tools/run.py > $(DEMO_OUT).trace
	@python3 tools/schedtrace.py --only-labelled --title "$(or $(SCHED),rr): schedemo $(DEMO)" \
		--timeline $(DEMO_OUT)-timeline.svg --shares $(DEMO_OUT)-shares.svg $(DEMO_OUT).trace
	@python3 tools/schedtrace.py --only-labelled --title "$(or $(SCHED),rr): the first 100 ticks" \
		--window 0:100 --timeline $(DEMO_OUT)-zoom.svg $(DEMO_OUT).trace > /dev/null
	@echo "wrote $(DEMO_OUT)-timeline.svg, $(DEMO_OUT)-zoom.svg, $(DEMO_OUT)-shares.svg"

# make stress [STRESS_OPS=100000] [STRESS_CPUS=4]: the concurrency stress
# test (/bin/stress: fork/exit/wait, pipes and suspend/resume/kill across
# CPUs, sbrk and COW faults, then memory and processes back to baseline)
# under every policy, one boot each (docs/concurrency.md). make test runs
# shorter ones (tests/user/guest_sched_*.py, guest_smp4.py).
STRESS_OPS  ?= 100000
STRESS_CPUS ?= 4
STRESS_POLICIES := rr prio mlfq lottery stride cfs
stress: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio
	@for p in $(STRESS_POLICIES); do echo "== sched=$$p CPUS=$(STRESS_CPUS)"; \
		CMD="stress -n $(STRESS_OPS)" BOOTARGS="sched=$$p $(BOOTARGS)" CPUS=$(STRESS_CPUS) \
		MEM=64 RUN_TIMEOUT=900 python3 tools/run.py || exit 1; done

# make grade LAB=NAME: a lab's autograder (docs/labs/NAME.md); writes
# build/grade/NAME.json (Gradescope's format); exits 0 only with full
# marks. make grade-all: every lab, sharing boots.
grade: all
	@python3 tools/grade.py $(LAB)

grade-all: all
	@python3 tools/grade.py --all

# make run CMD="prog args" [BOOTARGS=...] [MEM=128] [QEMUEXTRA=...]: boots
# headless, runs `sh -c CMD`, prints its output then "exit status: N".
# CMD reaches sh byte for byte (see the export of CMD above).
run: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio
	@python3 tools/run.py

clean:
	rm -rf $(BUILD) .gdbinit

help:
	@echo 'make               build everything under $(BUILD)/ (kernel, programs, disk image)'
	@echo 'make qemu          boot the disk image (a window, or this terminal); quit: Ctrl-A then X'
	@echo 'make qemu-nox      the same, always in this terminal'
	@echo 'make qemu-kernel   boot kernel.elf through QEMU'"'"'s Multiboot loader'
	@echo 'make run CMD=...   boot headless, run sh -c CMD, print its output and exit status'
	@echo 'make qemu-gdb      start QEMU halted, waiting for GDB; then make gdb in another terminal'
	@echo 'make qemu-kernel-gdb  the same through the Multiboot loader'
	@echo 'make gdb           attach GDB to a waiting QEMU (docs/debugging.md)'
	@echo 'make test [T=NAME] every test (or those whose name contains NAME)'
	@echo 'make bench         deterministic benchmarks (docs/performance.md)'
	@echo 'make boottime      wall time from QEMU start to the shell prompt'
	@echo 'make sched-demo SCHED=NAME  draw a scheduling policy at work (docs/scheduler.md)'
	@echo 'make grade LAB=NAME a lab'"'"'s autograder (docs/labs/); build/grade/NAME.json'
	@echo 'make grade-all     every lab'"'"'s autograder'
	@echo 'make fuzz [SEED=1] [N=100000]  a long run of the system-call fuzzer'
	@echo 'make stress       the concurrency stress test under every policy at CPUS=4'
	@echo 'make tools         install what the goals given with it need (tools/setup.sh)'
	@echo 'make clean         remove $(BUILD)/ and .gdbinit'
	@echo 'Options: TOOLPREFIX= LLVM=1 MEM= BOOTARGS= SCHED= HZ= NPROC= OPT= QEMUEXTRA= V=1 (README.md)'

.PHONY: all tools help qemu qemu-nox qemu-kernel qemu-kernel-gdb qemu-gdb gdb test run bench boottime sched-demo stress grade grade-all clean
.DELETE_ON_ERROR:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# make fuzz [SEED=1] [N=100000] [FUZZ_TIMEOUT=1800]: a long run of the
# system-call fuzzer (user/fuzz.c, `fuzz SEED N`) through make run, with a
# longer timeout. make test runs a bounded one (tests/user/fuzz.py).
SEED ?= 1
N ?= 100000
FUZZ_TIMEOUT ?= 1800
fuzz: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio
	@$(MAKE) --no-print-directory run CMD="fuzz $(SEED) $(N)" RUN_TIMEOUT=$(FUZZ_TIMEOUT)
.PHONY: fuzz
