# Sourced by scripts/demo and scripts/test: makes sure what the build and the tests need is here.
# Installs missing Debian packages when running as root with apt-get; otherwise stops with one line
# naming the package to install.

sessions_hub_require_tools() {
    local missing=()
    if ! command -v swift >/dev/null 2>&1; then
        echo "sessions-hub: Swift is not on PATH (install Swift 6 from swift.org, then run this again)" >&2
        return 1
    fi
    if ! { pkg-config --exists ncursesw 2>/dev/null || [ -e /usr/include/ncursesw/ncurses.h ]; }; then
        missing+=(libncurses-dev)
    fi
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    [ ${#missing[@]} -eq 0 ] && return 0

    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "sessions-hub: installing ${missing[*]} ..." >&2
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
            echo "sessions-hub: could not install ${missing[*]} (apt-get failed); install them and run this again" >&2
            return 1
        fi
        return 0
    fi
    echo "sessions-hub: missing ${missing[*]}: install with 'sudo apt-get install ${missing[*]}'" >&2
    return 1
}

# Shells the completion tests run (the hostile-name checks): installed as root with apt-get, else
# those tests are skipped with a note.
sessions_hub_test_shells() {
    local missing=()
    command -v zsh >/dev/null 2>&1 || missing+=(zsh)
    command -v fish >/dev/null 2>&1 || missing+=(fish)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "sessions-hub: installing ${missing[*]} for the completion tests ..." >&2
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
            || echo "note: could not install ${missing[*]}; their completion tests will be skipped" >&2
        return 0
    fi
    echo "note: ${missing[*]} not installed; their completion tests will be skipped (sudo apt-get install ${missing[*]})" >&2
}

# OpenSSH's server for the remote-machine tests (a real sshd on loopback, started by each test with
# keys made for the run): installed as root with apt-get, else those tests are skipped with a note.
sessions_hub_test_sshd() {
    [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "sessions-hub: installing openssh-server and openssh-client for the remote tests ..." >&2
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server openssh-client >/dev/null; } \
            || echo "note: could not install openssh-server; the remote tests will be skipped" >&2
        return 0
    fi
    echo "note: openssh-server not installed; the remote tests will be skipped (sudo apt-get install openssh-server)" >&2
}
