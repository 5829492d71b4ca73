// swift-tools-version:6.0
import PackageDescription

// One library target per stage of the pipeline (docs/architecture.md):
// Loading -> FrontMatter -> ContentModel -> Validation (-> SiteData) -> Bodies -> Rendering,
// OpenData, Search -> Writing, tied together by AvanceKit and driven by the thin `avance` command.
let package = Package(
    name: "avance",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "avance", targets: ["avance"]),
        .library(name: "AvanceKit", targets: ["AvanceKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Debian: apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian: apt-get install -y libxml2-dev (its HTML SAX parser, for the link checker)
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The message catalogs (messages/<language>.yaml) travel inside the binary, embedded by the
        // EmbedFiles plugin as the starter is.
        .target(name: "Diagnostics", plugins: ["EmbedFiles"]),
        .target(name: "ParallelMap"),
        .target(name: "Loading", dependencies: ["Diagnostics", "ParallelMap"]),
        .target(
            name: "FrontMatter",
            dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ContentModel", dependencies: ["Diagnostics", "FrontMatter"]),
        // The site's values: entries, typed field values, dates, the validated `Site` and what is
        // computed from it (roll-ups, descendants, history). Every stage after validation reads these.
        .target(name: "SiteData", dependencies: ["Diagnostics", "FrontMatter", "ContentModel", "ParallelMap"]),
        .target(
            name: "Validation",
            dependencies: ["Diagnostics", "Loading", "FrontMatter", "ContentModel", "SiteData", "ParallelMap"]
        ),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        .target(name: "SiteLayout", dependencies: ["ContentModel", "SiteData"]),
        // Markdown bodies to HTML, with their links to other entries resolved; pages and the search
        // index both use the result.
        .target(
            name: "Bodies",
            dependencies: [
                "Diagnostics", "ContentModel", "SiteData", "Markdown", "ParallelMap", "SiteLayout", "Validation",
            ]
        ),
        .target(name: "Templates", dependencies: ["Diagnostics"]),
        .target(
            name: "Rendering",
            dependencies: [
                "Diagnostics", "ContentModel", "SiteData", "Bodies", "ParallelMap", "SiteLayout", "Templates",
            ]
        ),
        .target(name: "Writing", dependencies: ["Diagnostics", "SiteLayout", "ParallelMap"]),
        .target(name: "JSON"),
        .target(
            name: "Search",
            dependencies: ["ContentModel", "SiteData", "SiteLayout", "Bodies", "JSON", "ParallelMap"]
        ),
        .target(name: "OpenData", dependencies: ["ContentModel", "SiteData", "SiteLayout", "JSON", "ParallelMap"]),
        .target(
            name: "AvanceKit",
            dependencies: [
                "Diagnostics", "Loading", "FrontMatter", "ContentModel", "SiteData", "Validation",
                "Markdown", "Bodies", "Templates", "Rendering", "Writing", "SiteLayout", "OpenData", "Search",
            ]
        ),
        .target(name: "LinkChecker", dependencies: ["Diagnostics", "CLibXML2", "ParallelMap"]),
        .target(
            name: "Scaffolding",
            dependencies: ["Diagnostics", "Loading", "FrontMatter", "ContentModel", "SiteData", "Validation", "JSON"]
        ),
        .target(
            name: "DevServer",
            dependencies: [
                "AvanceKit", "Diagnostics", "Loading", "SiteLayout", "Rendering",
                // FlyingFox's socket layer only: the HTTP reader is ours (docs/serve.md).
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // `avance init`: a new site from the starter of `starter/<language>/` and the theme, both
        // carried inside the binary by the EmbedFiles plugin (its tool: EmbedGenerator).
        .executableTarget(name: "EmbedGenerator"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedGenerator"]),
        .target(
            name: "Starter", dependencies: ["Diagnostics", "FrontMatter", "ContentModel"], plugins: ["EmbedFiles"]
        ),
        .executableTarget(
            name: "avance",
            dependencies: [
                "AvanceKit", "LinkChecker", "Scaffolding", "DevServer", "Starter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: the repository's paths, scratch copies of sites, and
        // the test site (Tests/Fixtures/valid-site) built with the theme.
        .target(name: "TestSupport", dependencies: ["AvanceKit"], path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "LoadingTests", dependencies: ["Loading"]),
        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter"]),
        .testTarget(name: "ContentModelTests", dependencies: ["ContentModel", "TestSupport"]),
        .testTarget(
            name: "ValidationTests", dependencies: ["Validation", "SiteData", "ContentModel", "FrontMatter", "Loading"]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(
            name: "RenderingTests",
            dependencies: [
                "Rendering", "Bodies", "AvanceKit", "SiteData", "Validation", "ContentModel", "Loading", "Markdown",
                "SiteLayout", "Templates", "TestSupport",
                // The templates of the theme are rendered by both engines and compared.
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "WritingTests", dependencies: ["Writing", "SiteLayout"]),
        .testTarget(
            name: "OpenDataTests",
            dependencies: [
                "OpenData", "JSON", "SiteData", "Validation", "ContentModel", "Loading", "SiteLayout", "TestSupport",
            ]),
        .testTarget(name: "AvanceKitTests", dependencies: ["AvanceKit", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LinkCheckerTests", dependencies: ["LinkChecker", "Diagnostics", "TestSupport"]),
        .testTarget(
            name: "ScaffoldingTests",
            dependencies: [
                "Scaffolding", "ContentModel", "SiteData", "Validation", "Loading", "Diagnostics", "TestSupport",
            ]
        ),
        .testTarget(name: "StarterTests", dependencies: ["Starter", "AvanceKit", "Diagnostics"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "AvanceKit", "Rendering", "TestSupport"]),
        .testTarget(
            name: "SearchTests",
            dependencies: [
                "Search", "SiteData", "Validation", "ContentModel", "Loading", "Bodies", "Rendering", "SiteLayout",
            ]
        ),
    ]
)

// Hardening (docs/hardening.md): libFuzzer targets, which `make fuzz` builds with
// -sanitize=fuzzer,address (a plain build makes them replay the files they are given), and the
// tests of hostile input, limits, confinement and reproducibility.
package.targets += [
    .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
    .executableTarget(
        name: "FuzzEntry",
        dependencies: [
            "FuzzDriver", "Diagnostics", "Loading", "FrontMatter", "ContentModel", "SiteData", "Validation",
        ],
        path: "Fuzz/FuzzEntry"
    ),
    .executableTarget(
        name: "FuzzMarkdown",
        dependencies: ["FuzzDriver", "Markdown", "Bodies", "ContentModel", "SiteData", "Validation"],
        path: "Fuzz/FuzzMarkdown"
    ),
    .testTarget(
        name: "HardeningTests",
        dependencies: [
            "AvanceKit", "Diagnostics", "Loading", "FrontMatter", "ContentModel", "SiteData", "Validation", "Markdown",
            "Bodies", "Rendering", "SiteLayout", "Writing", "TestSupport",
        ]
    ),
]
