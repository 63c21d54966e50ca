import DeskApp
import Foundation

exit(
    DeskProgram.main(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment))
