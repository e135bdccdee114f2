// libFuzzer entry for the JSON reader and printer (scripts/fuzz builds it with -sanitize=fuzzer):
// any bytes parse or fail cleanly, and whatever parses prints to text that parses to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let again = try? JSONParser.parse(JSONPrinter.compactBytes(value))
    precondition(again == value, "printing and parsing again changed the value")
    let pretty = try? JSONParser.parse(JSONPrinter.prettyBytes(value))
    precondition(pretty == value, "pretty printing and parsing again changed the value")
    return 0
}
