/// The shipped screen rules (`sessions-hub` reads them as data; a user's own
/// `$XDG_CONFIG_HOME/sessions-hub/agent-screens.toml` in the same shape adds to them and wins on
/// equal priority). Prompt texts read from the agents' own sources and reported screens
/// (openai/codex `codex-rs/tui`, google-gemini/gemini-cli `packages/cli/src/ui`, Aider-AI/aider
/// `aider/io.py`; Claude Code is closed: its issues and 2.1.332 seen here). Each rule: the agent
/// kind (the dispatch command's program name), the state it means, an optional kind of question,
/// how many of the last non-blank lines it looks at, a regex that must match, `all` that must also
/// match, `none` that must not, `asks` (its `asks` group is the question), and a priority (the
/// highest matching rule wins). A `refused` rule is not a state: it says the agent turned down the
/// text a dispatch handed it. `multiline` names the kinds whose input takes a multi-line paste as
/// one prompt (they get the long one-liner; any other kind the short one, and the hub says so).
enum PaneRulesText {
    static let builtIn = #"""
    multiline = ["claude", "codex", "gemini", "aider", "sessions-hub-sim-agent"]

    # ---------------- Claude Code ----------------
    [[rule]]
    agent = "claude"
    state = "waiting"
    kind = "permission"
    priority = 320
    match = '''(?m)^\s*Do you want to (?:proceed|make this edit to .+|create .+)\?\s*$'''
    asks = '''(?m)^\s*(?<asks>Do you want to .+\?)\s*$'''

    [[rule]]
    agent = "claude"
    state = "waiting"
    kind = "permission"
    priority = 310
    match = '''(?m)^\s*(?:❯\s*)?\d+\.\s*Deny \(esc\)\s*$'''

    [[rule]]
    agent = "claude"
    state = "waiting"
    kind = "choice"
    priority = 305
    match = '''(?m)^\s*Would you like to proceed\?\s*$'''
    asks = '''(?<asks>Would you like to proceed\?)'''

    [[rule]]
    agent = "claude"
    state = "waiting"
    kind = "first-run question"
    priority = 330
    match = '''(Do you trust the files in this folder\?|Is this a project you created or one you trust\?|Do you want to use this API key\?|Make auto mode your default)'''
    asks = '''(?<asks>Do you trust the files in this folder\?|Is this a project you created or one you trust\?|Do you want to use this API key\?|Make auto mode your default[^\n]*)'''

    [[rule]]
    agent = "claude"
    state = "waiting"
    kind = "login"
    priority = 330
    match = '''(?m)^\s*Select login method:'''

    [[rule]]
    agent = "claude"
    state = "working"
    priority = 100
    match = '''(?mi)(?:esc|ctrl\+c) to interrupt|^\s*[·✢✳✶✻✽*●]\s+\S[^\n]*…(?:\s*\([^)\n]*\))?\s*$'''

    [[rule]]
    agent = "claude"
    state = "idle"
    priority = 0
    match = '''(?m)^\s*[❯>]\s*$|\? for shortcuts'''

    # ---------------- Codex CLI ----------------
    [[rule]]
    agent = "codex"
    state = "waiting"
    kind = "permission"
    priority = 320
    match = '''(?m)^\s*(?:Would you like to run the following command\?|Would you like to make the following edits\?|Would you like to grant these permissions\?|.+ needs your approval\.)\s*$'''
    asks = '''(?m)^\s*(?<asks>(?:Would you like|Do you want) .+\?|.+ needs your approval\.)\s*$'''

    [[rule]]
    agent = "codex"
    state = "waiting"
    kind = "question"
    priority = 315
    match = '''(?m)^\s*Question \d+/\d+ \(\d+ unanswered\)'''

    [[rule]]
    agent = "codex"
    state = "waiting"
    kind = "first-run question"
    priority = 330
    match = '''Do you trust the contents of this directory\?|Sign in with ChatGPT to use Codex'''

    [[rule]]
    agent = "codex"
    state = "working"
    priority = 100
    match = '''(?mi)^\s*[•◦]\s+\S.*\((?:\d+h\s+)?(?:\d+m\s+)?\d+s(?:\s+•|\)|…)|esc to interrupt\)'''

    [[rule]]
    agent = "codex"
    state = "idle"
    priority = 0
    match = '''(?m)^›\s*(?:Ask Codex to do anything)?\s*$'''

    # ---------------- Gemini CLI ----------------
    [[rule]]
    agent = "gemini"
    state = "waiting"
    kind = "permission"
    priority = 320
    match = '''(?m)(Apply this change\?|Allow execution of[: ].+\?|Do you want to proceed\?)'''
    asks = '''(?m)(?<asks>Apply this change\?|Allow execution of[: ].+\?|Do you want to proceed\?)'''

    [[rule]]
    agent = "gemini"
    state = "waiting"
    kind = "first-run question"
    priority = 330
    match = '''Do you trust the files in this folder\?|How would you like to authenticate for this project\?'''

    [[rule]]
    agent = "gemini"
    state = "working"
    priority = 100
    match = '''\(esc to cancel, [0-9hms .]+\)'''

    [[rule]]
    agent = "gemini"
    state = "idle"
    priority = 0
    match = '''(?m)^\s*[>*!]\s+(?:Type your message or @path/to/file)?\s*$'''

    # ---------------- Aider ----------------
    [[rule]]
    agent = "aider"
    state = "waiting"
    kind = "permission"
    priority = 320
    window = 6
    match = '''(?m)^.*\? \(Y\)es/\(N\)o(?:/\(A\)ll)?(?:/\(S\)kip all)?(?:/\(D\)on't ask again)? \[[^\]]*\]:\s*.*$'''
    asks = '''(?m)^(?<asks>.*?\?) \(Y\)es/\(N\)o'''

    [[rule]]
    agent = "aider"
    state = "idle"
    priority = 0
    window = 1
    match = '''^(?:[a-z][a-z-]*(?: multi)?|multi)?>\s*$'''

    # ---------------- line editors that refuse what they cannot take ----------------
    # ptpython (src/ptpython/validator.py): Enter on text that does not compile is refused with
    # "Syntax Error: …" in its toolbar, and the text stays in the input.
    [[rule]]
    agent = "ptpython"
    state = "refused"
    priority = 300
    window = 6
    match = '''(?m)^\s*Syntax Error: .+$'''
    asks = '''(?m)^\s*(?<asks>Syntax Error: .+)$'''

    # ---------------- the hub's simulated agent (the living demo) ----------------
    [[rule]]
    agent = "sessions-hub-sim-agent"
    state = "waiting"
    kind = "permission"
    priority = 320
    match = '''(?m)^\s*Do you want to proceed\?\s*$'''
    asks = '''(?m)^\s*(?<asks>May I [^\n]*\?)'''

    [[rule]]
    agent = "sessions-hub-sim-agent"
    state = "working"
    priority = 100
    window = 1
    match = ''': in_progress$|^wrote |^got \d+ characters$|^allowed$'''

    [[rule]]
    agent = "sessions-hub-sim-agent"
    state = "idle"
    priority = 0
    window = 1
    match = '''^>\s*$|^done$'''
    """#
}
