import FlyingFox

/// `avance serve`: a preview server with live reload. (Being written.)
public enum DevServer {}
