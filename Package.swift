// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tally",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "TallyCore", targets: ["TallyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The whole engine: store, query language, output. Knows nothing of terminals or C.
        .target(name: "TallyCore"),
        // libedit, the system's line editor, for the REPL (a one-header shim over histedit.h).
        .systemLibrary(
            name: "CLineEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // What the front end keeps on the user's terminal and disk: the REPL's history file
        // and the drawing of a load's progress. Plain Swift, so its tests need no C library.
        .target(name: "TallyTerminal", dependencies: ["TallyCore"]),
        // The command-line front end: arguments, the REPL, the terminal.
        .executableTarget(
            name: "tally",
            dependencies: [
                "TallyCore",
                "TallyTerminal",
                "CLineEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "TallyTerminalTests", dependencies: ["TallyTerminal", "TallyCore"]),
        .testTarget(name: "TallyCLITests", dependencies: ["TallyCore"]),
    ]
)
