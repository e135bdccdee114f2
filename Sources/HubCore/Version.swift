/// The version, in one place: `--version`, the man page, `doctor`, the MCP server's info.
public enum HubVersion {
    public static let string = "0.7.0"
}
