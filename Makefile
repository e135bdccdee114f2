# sessions-hub: build, install and uninstall.
#   make install                     release build into /usr/local (sudo when not writable)
#   make install PREFIX=~/.local     no root needed
#   make install DESTDIR=/tmp/pkg    staged install (packaging)
#   make uninstall [PREFIX=...]
# Installs the binary and the simulated agent (for `sessions-hub demo --agents`), the themes, the
# man page and completions for bash, zsh and fish, all generated from the built binary.

PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
SWIFT ?= swift
# The binary links the Swift runtime of the toolchain that built it. SWIFT_FLAGS=--static-swift-stdlib
# makes it self-contained (needs libcurl's -dev package: Foundation's networking comes along).
SWIFT_FLAGS ?=
# BUILT=<folder>: install binaries already built there (skips the build; the tests use it).
BUILT ?=

BIN_DIR := $(DESTDIR)$(PREFIX)/bin
SHARE_DIR := $(DESTDIR)$(PREFIX)/share
THEMES_DIR := $(SHARE_DIR)/sessions-hub/themes
MAN_DIR := $(SHARE_DIR)/man/man1
BASH_DIR := $(SHARE_DIR)/bash-completion/completions
ZSH_DIR := $(SHARE_DIR)/zsh/site-functions
FISH_DIR := $(SHARE_DIR)/fish/vendor_completions.d

.PHONY: all build install uninstall test

all: build

build:
ifeq ($(BUILT),)
	$(SWIFT) build -c $(CONFIGURATION) $(SWIFT_FLAGS) --product sessions-hub
	$(SWIFT) build -c $(CONFIGURATION) $(SWIFT_FLAGS) --product sessions-hub-sim-agent
endif

install: build
	@built="$(BUILT)"; [ -n "$$built" ] || built="$$($(SWIFT) build -c $(CONFIGURATION) $(SWIFT_FLAGS) --show-bin-path)"; \
	set -e; \
	install -d "$(BIN_DIR)" "$(THEMES_DIR)" "$(MAN_DIR)" "$(BASH_DIR)" "$(ZSH_DIR)" "$(FISH_DIR)"; \
	install -m 755 "$$built/sessions-hub" "$$built/sessions-hub-sim-agent" "$(BIN_DIR)/"; \
	install -m 644 Themes/*.toml "$(THEMES_DIR)/"; \
	"$$built/sessions-hub" manual > "$(MAN_DIR)/sessions-hub.1"; \
	"$$built/sessions-hub" --generate-completion-script bash > "$(BASH_DIR)/sessions-hub"; \
	"$$built/sessions-hub" --generate-completion-script zsh > "$(ZSH_DIR)/_sessions-hub"; \
	"$$built/sessions-hub" --generate-completion-script fish > "$(FISH_DIR)/sessions-hub.fish"; \
	echo "installed sessions-hub $$("$$built/sessions-hub" --version | cut -d' ' -f2) into $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f "$(BIN_DIR)/sessions-hub" "$(BIN_DIR)/sessions-hub-sim-agent" "$(MAN_DIR)/sessions-hub.1" \
	      "$(BASH_DIR)/sessions-hub" "$(ZSH_DIR)/_sessions-hub" "$(FISH_DIR)/sessions-hub.fish"
	rm -rf "$(SHARE_DIR)/sessions-hub"
	@echo "removed sessions-hub from $(DESTDIR)$(PREFIX)"

test:
	scripts/test
