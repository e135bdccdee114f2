import Testing
@testable import HubCore

@Suite struct JSONParserTests {
    @Test func keepsMemberOrderAndNumberLiterals() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 1.0, "m": 1e3, "b": -0.5E-2, "t": true, "n": null}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m", "b", "t", "n"])
        #expect(object["z"] == .number("1"))
        #expect(object["a"] == .number("1.0"))
        #expect(object["m"] == .number("1e3"))
        #expect(object["b"] == .number("-0.5E-2"))
        #expect(object["t"] == .bool(true))
        #expect(object["n"] == .null)
        #expect(object["z"]?.intValue == 1)
        #expect(object["a"]?.intValue == nil, "1.0 is not an integer literal")
    }

    @Test func printsBackExactlyWhatItRead() throws {
        let text = #"{"z": 1, "a": 1.0, "list": [true, false, null, "x"], "empty": {}, "none": []}"#
        #expect(JSONPrinter.compact(try JSONParser.parse(text)) == text)
    }

    @Test func acceptsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"status": "complete"}"#.utf8)
        #expect(try JSONParser.parse(bytes)["status"] == .string("complete"))
    }

    @Test func utf16FilesAreNamedAsSuch() {
        #expect {
            _ = try JSONParser.parse([0xFF, 0xFE] + Array("{}".utf8))
        } throws: { ($0 as? JSONParseError)?.message.contains("UTF-16") == true }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n\t\u00e9\u65e5\ud83d\ude80", "\ud800x"]"#)
        let items = try #require(value.arrayValue)
        #expect(items[0] == .string("a\"b\\c/d\n\té日🚀"))
        #expect(items[1] == .string("\u{FFFD}x"), "a lone surrogate becomes U+FFFD, not a crash")
    }

    @Test func keepsControlCharactersAndEmojiInData() throws {
        let value = try JSONParser.parse("{\"note\": \"bell\u{07} esc\u{1B}[31m 🚀 日本\"}")
        #expect(value["note"] == .string("bell\u{07} esc\u{1B}[31m 🚀 日本"))
    }

    @Test func printerEscapesControlCharacters() throws {
        let printed = JSONPrinter.compact(.string("a\u{1B}b\u{07}\n\"é"))
        #expect(printed == #""a\u001bb\u0007\n\"é""#)
        #expect(try JSONParser.parse(printed) == .string("a\u{1B}b\u{07}\n\"é"))
    }

    @Test(arguments: [
        ("", 1, 1, "empty"),
        ("   \n  ", 2, 3, "whitespace"),
        ("{\"a\": 1,\n  \"b\": ", 2, 8, "ends here"),
        ("{\"a\": \"unterminated", 1, 7, "not closed"),
        ("{\"a\" 1}", 1, 6, "':'"),
        ("[1, 2,]", 1, 7, "a value"),
        ("{\"a\": 1}\n{\"b\": 2}", 2, 1, "after the JSON value"),
        ("{\"a\": tru}", 1, 7, "'true'"),
        ("{\"a\": 01}", 1, 8, "',' or '}'"),
        ("{\"a\": \"\\q\"}", 1, 8, "unknown escape"),
    ])
    func reportsErrorsWithLineAndColumn(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column && error.message.contains(fragment)
        }
    }

    @Test func deepNestingIsRefusedWithoutBlowingTheStack() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        let fine = String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test func readsATenMegabyteFile() throws {
        var text = "{\"agents\": ["
        let entry = #"{"agent_id": "agent-%d", "status": "in_progress", "notes": "0123456789012345678901234567890123456789012345678901234567890123456789"}"#
        for index in 0..<75_000 {
            if index > 0 { text += "," }
            text += entry.replacingOccurrences(of: "%d", with: String(index))
        }
        text += "]}"
        #expect(text.utf8.count > 10_000_000)
        let value = try JSONParser.parse(text)
        #expect(value["agents"]?.arrayValue?.count == 75_000)
    }

    @Test func everyPrefixOfAFileFailsCleanly() throws {
        // A half-written file at any byte must give an error, never a crash or a wrong value.
        let text = #"{"workorder_id": "WO-X-001", "agents": [{"agent_id": "a", "status": "complete", "n": 12.5e-1}], "ok": true}"#
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(bytes[0..<cut])) }
        }
        #expect(throws: Never.self) { try JSONParser.parse(bytes) }
    }

    @Test func prettyPrinterMatchesTheWorkflowStyle() {
        let value = JSONValue.object(JSONObject([
            ("a", .int(1)), ("list", .array([.string("x"), .bool(false)])), ("empty", .object(JSONObject())), ("none", .array([])),
        ]))
        #expect(JSONPrinter.pretty(value) == """
        {
          "a": 1,
          "list": [
            "x",
            false
          ],
          "empty": {},
          "none": []
        }
        """)
    }
}

@Suite struct JSONPrinterSafetyTests {
    @Test func controlsAndBidiOverridesAreEscapedAndReadBackTheSame() throws {
        let text = "a\u{1B}[31m b\u{202E}evil\u{202C} c\u{2066}x\u{2069} d\u{85}e \u{2028}"
        let printed = JSONPrinter.compact(.string(text))
        #expect(!printed.unicodeScalars.contains { TerminalText.isControl($0) }, "nothing a terminal would act on")
        #expect(printed.contains("\\u202e") && printed.contains("\\u0085") && printed.contains("\\u001b"))
        #expect(try JSONParser.parse(Array(printed.utf8)) == .string(text), "the value is the same")
    }
}
