import HubTestSupport

extension TmuxPane {
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
