/// Marking a stub promoted to its session's workorder — one place for `S`, `start`, MCP and the
/// start journal's recovery: a stub.json gets `status` and `promoted_to` by a locked in-place edit;
/// a Markdown stub gets its status bullet rewritten and a `Promoted to` bullet (MarkdownStub).
/// Idempotent: a stub that already says so is left as it is.
public enum StubPromotion {
    public static func promote(_ stubPath: String, to workorderId: String, root: String) throws {
        if stubPath.hasSuffix(".md") {
            try MarkdownStub.promote(stubPath, to: workorderId, root: root)
            return
        }
        try AtomicFile.update(stubPath, locks: HubStateFolder.locks(root: root)) { document in
            guard document.root["promoted_to"]?.stringValue != workorderId || document.root["status"]?.stringValue != "promoted" else { return }
            try document.set(["status"], to: .string("promoted"))
            try document.set(["promoted_to"], to: .string(workorderId))
        }
    }
}
