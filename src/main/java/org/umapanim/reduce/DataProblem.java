package org.umapanim.reduce;

/**
 * Data a reducer cannot embed as they are, found by {@link Reducer#check}: the problem is worded to
 * follow the data's name ("has only 5 rows, fewer than the neighbour count 15 (…)"), which the
 * caller, who knows where the data came from, puts before it.
 */
public class DataProblem extends IllegalArgumentException {
    public DataProblem(String problem) {
        super(problem);
    }
}
