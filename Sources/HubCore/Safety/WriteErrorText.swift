import Foundation

/// A write that failed, as one sentence for a person: Foundation's errors print as
/// `Error Domain=NSCocoaErrorDomain Code=513 ...`; this says `permission denied` and the path.
public enum WriteErrorText {
    public static func describe(_ error: Error) -> String {
        if let failure = error as? AtomicFile.Failure { return failure.description }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo["NSFilePath"] as? String)
        var reason: String?
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if ns.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(ns.code)))
        } else if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case 513, 257: reason = "permission denied"
            case 516: reason = "it already exists"
            case 640: reason = "the disk is full"
            case 642: reason = "the filesystem is read-only"
            case 4, 260: reason = "it does not exist"
            default: reason = nil
            }
        }
        guard let reason else { return "\(error)" }
        return path.map { "cannot write \($0): \(reason.lowercased())" } ?? reason.lowercased()
    }
}
