import Foundation
import HubCLI

exit(SessionsHubMain.run(Array(CommandLine.arguments.dropFirst())))
