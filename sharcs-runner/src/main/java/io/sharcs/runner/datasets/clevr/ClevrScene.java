package io.sharcs.runner.datasets.clevr;

import java.util.Objects;

/**
 * One generated single-object scene: the object's attributes and where it stands on the ground
 * plane (CLEVR's world units: the ground is the plane z = 0, objects stand in [-3, 3]^2).
 *
 * @param object the object's attributes
 * @param x the object's centre, x
 * @param y the object's centre, y
 * @param rotation the rotation about the vertical axis in degrees, in [0, 360)
 */
public record ClevrScene(ClevrAttributes object, double x, double y, double rotation) {

  /** The half extent of the positions on each axis. */
  public static final double EXTENT = 3.0;

  public ClevrScene {
    Objects.requireNonNull(object, "object");
    if (Math.abs(x) > EXTENT || Math.abs(y) > EXTENT) {
      throw new IllegalArgumentException("position (" + x + ", " + y + ") outside [-3, 3]^2");
    }
    if (!(rotation >= 0 && rotation < 360)) {
      throw new IllegalArgumentException("rotation " + rotation + ", expected [0, 360)");
    }
  }

  /** CLEVR's object radius: 0.7 for large objects, 0.35 for small ones. */
  public double radius() {
    return object.size().equals("large") ? 0.7 : 0.35;
  }

  /** The height of the object's centre above the ground. */
  public double centreHeight() {
    return switch (object.shape()) {
      case "cube" -> radius() / Math.sqrt(2);
      default -> radius();
    };
  }
}
