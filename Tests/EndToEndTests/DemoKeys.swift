import HubTestSupport

extension TmuxPane {
    /// The screen on `root`, drawn: its list's title is on screen.
    func openScreen(_ binary: String, root: String, title: String = "Stubs 5 · Sessions 3") throws {
        try run("\(binary) --root \(root)")
        try waitFor(text: title)
    }

    /// On the demo's screen (loaded): S on the multi-agent stub, the second in STUBS after NEEDS YOU
    /// (2) and ACTIVE (2), confirmed; returns once the session is created.
    func startTheDemosMultiAgentSession() throws {
        try waitFor(text: "Stubs 5 · Sessions 3")
        try keys("j", "j", "j", "j", "j")
        try waitFor(text: "STUB-101")
        try keys("S")
        try waitFor(text: "Start a session?")
        try keys("Enter")
        try waitFor(text: "created .coderef/sessions/parallel-docs-audit-phase1")
    }
}
