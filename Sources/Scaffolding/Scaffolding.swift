/// `avance new`, `avance import` and `avance schema`: helping staff write entries. (Being written.)
public enum Scaffolding {}
