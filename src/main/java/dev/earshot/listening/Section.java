package dev.earshot.listening;

/** One part of a page: its value, or the problem that kept it empty. */
public record Section<T>(T value, Problem problem) {

    public static <T> Section<T> of(T value) {
        return new Section<>(value, null);
    }

    public static <T> Section<T> failed(Problem problem) {
        return new Section<>(null, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
