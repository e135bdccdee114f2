import Testing
@testable import HubCore

@Suite struct JSONDocumentTests {
    let original = """
    {
        "workorder_id":  "WO-X-001",
        "ratio": 1.0,
        "agents": [
            {"agent_id": "a", "status": "not_started", "extra": [1, 2]},
            {
                "agent_id": "b",
                "status": "not_started"
            }
        ],
        "empty": {}
    }

    """

    /// Lines that differ between two texts of the same line count, as (before, after) pairs.
    func changedLines(_ before: String, _ after: String) -> [(String, String)] {
        let old = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard old.count == new.count else { return [("line count", "\(old.count) → \(new.count)")] }
        return zip(old, new).filter { $0 != $1 }
    }

    @Test func changesOnlyTheBytesOfTheValue() throws {
        var document = try JSONDocument(text: original)
        try document.set(["agents", 1, "status"], to: .string("complete"))
        let changed = changedLines(original, document.text)
        #expect(changed.count == 1)
        #expect(changed.first?.0 == #"            "status": "not_started""#)
        #expect(changed.first?.1 == #"            "status": "complete""#)
        #expect(document.root["ratio"] == .number("1.0"))
    }

    @Test func addsAMissingMemberWithTheSiblingsIndentation() throws {
        var document = try JSONDocument(text: original)
        try document.set(["agents", 1, "completed_at"], to: .string("2026-11-24"))
        #expect(document.text.contains(#"""
                    "status": "not_started",
                    "completed_at": "2026-11-24"
                }
        """#))
        try document.set(["agents", 0, "notes"], to: .string("hi"))
        #expect(document.text.contains(#"{"agent_id": "a", "status": "not_started", "extra": [1, 2], "notes": "hi"}"#))
    }

    @Test func fillsAnEmptyObjectAndCreatesMissingParents() throws {
        var document = try JSONDocument(text: original)
        try document.set(["empty", "k"], to: .int(3))
        #expect(document.root["empty"]?["k"] == .number("3"))
        try document.set(["new", "deeper"], to: .bool(true))
        #expect(document.root["new"]?["deeper"] == .bool(true))
        #expect(document.root.objectValue?.keys == ["workorder_id", "ratio", "agents", "empty", "new"])
    }

    @Test func replacesAContainerAlignedWithItsLine() throws {
        var document = try JSONDocument(text: original)
        try document.set(["agents", 0, "extra"], to: .object(JSONObject([("x", .int(1))])))
        let reparsed = try JSONParser.parse(document.bytes)
        #expect(reparsed["agents"]?.arrayValue?[0]["extra"]?["x"] == .number("1"))
    }

    @Test func dropsTheByteOrderMarkOnWrite() throws {
        let document = try JSONDocument(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(document.bytes.first == UInt8(ascii: "{"))
    }

    @Test func refusesPathsThroughScalars() throws {
        var document = try JSONDocument(text: original)
        #expect(throws: JSONDocument.EditError.self) { try document.set(["ratio", "x"], to: .null) }
        #expect(throws: JSONDocument.EditError.self) { try document.set(["agents", 5, "status"], to: .null) }
    }
}
