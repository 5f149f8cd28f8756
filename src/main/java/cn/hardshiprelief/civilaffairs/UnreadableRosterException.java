package cn.hardshiprelief.civilaffairs;

/** The file cannot be read on as a roster at all (wrong encoding, broken CSV quoting, a damaged .xlsx). */
class UnreadableRosterException extends RuntimeException {

    private final transient RosterProblem problem;

    UnreadableRosterException(RosterProblem problem, Throwable cause) {
        super(problem.messageKey() + " at line " + problem.line(), cause);
        this.problem = problem;
    }

    RosterProblem problem() {
        return problem;
    }
}
