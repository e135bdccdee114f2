import Testing
@testable import HubCore

@Suite struct StatusTests {
    @Test(arguments: [
        ("not_started", StatusBucket.notStarted), ("Pending", .notStarted), ("created", .notStarted), ("stub", .notStarted),
        ("planning", .notStarted), ("READY", .notStarted), ("todo", .notStarted),
        ("in_progress", .inProgress), ("In Progress", .inProgress), ("in-progress", .inProgress), ("active", .inProgress),
        ("running", .inProgress), ("implementing", .inProgress), ("working", .inProgress), ("started", .inProgress),
        ("ready_for_testing", .inProgress), ("Ready-For-Testing", .inProgress),
        ("phase_2_complete", .inProgress), ("Phase 3 Complete", .inProgress), ("phase_10_completed", .inProgress),
        ("complete", .complete), ("Completed", .complete), ("done", .complete), ("verified", .complete),
        ("closed", .complete), ("promoted", .complete), ("plan_created", .notStarted), ("ready_for_execution", .notStarted), ("checkpoint_ready", .inProgress),
        ("draft", .notStarted), ("planned", .notStarted), ("Approved", .notStarted), ("pending_plan", .notStarted), ("planning_complete", .notStarted),
        ("blocked", .blocked), ("waiting", .blocked), ("changes requested", .blocked),
        ("failed", .failed), ("ERROR", .failed), ("abandoned", .failed), ("cancelled", .cancelled), ("Canceled", .cancelled),
        ("brainstorming", .other), ("38% complete", .other), ("", .other), ("phase_x_complete", .other), ("  done  ", .complete),
    ])
    func bucketsWords(word: String, bucket: StatusBucket) {
        let status = Status(word)
        #expect(status.bucket == bucket)
        #expect(status.word == word, "the word is kept as written")
    }

    @Test func cancelledIsFinishedAndNotAFailure() {
        #expect(StatusBucket.cancelled.isFinished && StatusBucket.complete.isFinished)
        #expect(!StatusBucket.failed.isFinished && !StatusBucket.inProgress.isFinished)
        #expect(StatusBucket.cancelled > StatusBucket.failed, "sorted after what needs attention")
    }

    @Test func missingStatusIsOther() {
        #expect(Status(nil).bucket == .other)
        #expect(Status.unknown.word == nil)
    }
}

@Suite struct DerivedStatusTests {
    @Test(arguments: [
        ([StatusBucket.complete, .complete], StatusBucket.complete),
        ([.complete, .failed, .blocked], .failed),
        ([.complete, .blocked, .inProgress], .blocked),
        ([.complete, .notStarted], .inProgress),
        ([.inProgress, .notStarted], .inProgress),
        ([.notStarted, .notStarted], .notStarted),
        ([.notStarted, .other], .notStarted),
        ([.other, .other], .other),
        ([], .notStarted),
        // A cancelled agent holds nothing up: the rest decide; all cancelled → cancelled.
        ([.complete, .cancelled], .complete),
        ([.inProgress, .cancelled], .inProgress),
        ([.cancelled, .cancelled], .cancelled),
    ])
    func derivesFromAgents(buckets: [StatusBucket], expected: StatusBucket) {
        #expect(Session.derive(buckets) == expected)
    }
}
