import Testing
@testable import TallyCore

/// `.help` has a page per verb and per dot-command, and every example on a page runs on the
/// built-in sample data (issue 4 §6).
struct HelpTests {
    @Test func aPagePerVerbAndDotCommand() {
        for verb in Completer.verbs {
            #expect(HelpText.pages[verb] != nil, "no page for \(verb)")
        }
        for command in Session.dotCommands {
            #expect(HelpText.dotCommandPages[String(command.name.dropFirst())] != nil, "no page for \(command.name)")
        }
    }

    @Test(arguments: HelpText.topics)
    func examplesRunOnTheSampleData(_ topic: String) {
        var errors = ""
        let session = Session(out: { _ in }, err: { errors += $0 })
        session.loadSampleData()
        let examples = HelpText.page(topic).split(separator: "\n")
            .filter { $0.hasPrefix("    ") }
            .map { $0.trimmingPrefix(while: { $0 == " " }) }
            .filter { !$0.hasPrefix(".quit") }
        #expect(!examples.isEmpty || topic == ".quit" || topic == "patterns" || topic == "where" || topic == "by",
                "\(topic) shows no example")
        for example in examples {
            session.run(String(example), origin: SourceOrigin(name: ".help \(topic)"))
        }
        #expect(errors == "", "\(topic): \(errors)")
        #expect(!session.hadError)
    }

    @Test func unknownTopicListsTheTopics() {
        let page = HelpText.page("nope")
        #expect(page.contains("no help on `nope`"))
        #expect(page.contains(".load") && page.contains("audit"))
    }
}
