package io.sharcs.runner.datasets.clevr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;

/**
 * Renders a single-object scene at CLEVR's 320x240 into a Java2D {@link BufferedImage}, by casting
 * one ray per pixel (nine on the object's outline and on metal, for smooth edges and highlights)
 * against the ground plane and the object: no 3D library.
 *
 * <p>The camera, lights and object sizes follow CLEVR's Blender scene: a camera at (7.36, -6.93,
 * 4.96) looking at the origin with a 35 mm lens, a key light from the camera's left, a fill light
 * from its right and a back light. The ground is a grey plane with a broad light fall-off and a
 * soft shadow of the key light (the hard shadow mask, blurred). Rubber is matte: diffuse shading
 * with a faint, broad highlight. Metal reflects the ground and a bright sky (a sharp horizon line
 * across the object), with strong, sharp highlights of the lights. Deterministic: the same scene
 * gives the same pixels.
 *
 * <p>Not thread-safe (scratch buffers); use one renderer per thread.
 */
public final class ClevrRenderer {

  /** The image width, as CLEVR's. */
  public static final int WIDTH = 320;

  /** The image height, as CLEVR's. */
  public static final int HEIGHT = 240;

  /** CLEVR's colours (sRGB, 0-255). */
  public static final Map<String, int[]> COLORS = Map.of(
      "gray", new int[] {87, 87, 87},
      "red", new int[] {173, 35, 35},
      "blue", new int[] {42, 75, 215},
      "green", new int[] {29, 105, 20},
      "brown", new int[] {129, 74, 25},
      "purple", new int[] {129, 38, 192},
      "cyan", new int[] {41, 208, 208},
      "yellow", new int[] {255, 238, 51});

  private static final double[] CAMERA = {7.36, -6.93, 4.96};
  private static final double TAN_HALF_WIDTH = 16.0 / 35.0;
  private static final double TAN_HALF_HEIGHT = TAN_HALF_WIDTH * HEIGHT / WIDTH;
  private static final double[] FORWARD = normalize(-CAMERA[0], -CAMERA[1], -CAMERA[2]);
  private static final double[] RIGHT = normalize(FORWARD[1], -FORWARD[0], 0);
  private static final double[] UP = cross(RIGHT, FORWARD);

  private static final double[] KEY = direction(-95, 42);
  private static final double[] FILL = direction(15, 30);
  private static final double[] BACK = direction(140, 45);
  private static final double[] KEY_H = normalize(KEY[0], KEY[1], 0);
  private static final double[] FILL_H = normalize(FILL[0], FILL[1], 0);
  private static final double KEY_LIGHT = 0.75;
  private static final double FILL_LIGHT = 0.25;
  private static final double BACK_LIGHT = 0.2;
  private static final double AMBIENT = 0.32;
  private static final double GROUND_ALBEDO = 0.54;
  private static final double GROUND_LIGHT =
      AMBIENT + KEY_LIGHT * KEY[2] + FILL_LIGHT * FILL[2] + BACK_LIGHT * BACK[2];
  // The part of the ground's light that the object's shadow takes away.
  private static final double KEY_SHARE = KEY_LIGHT * KEY[2] / GROUND_LIGHT;
  private static final int SUPERSAMPLING = 3;
  // The width of the rounded edges of cubes and cylinders, relative to their half size.
  private static final double BEVEL = 0.14;
  private static final int SHADOW_BLUR = 3;

  // Per pixel, the same for every scene: where the pixel's ray meets the ground, and its light.
  private static final double[] GROUND_X = new double[WIDTH * HEIGHT];
  private static final double[] GROUND_Y = new double[WIDTH * HEIGHT];
  private static final double[] GROUND_LIGHTS = new double[WIDTH * HEIGHT];

  static {
    double[] ray = new double[3];
    for (int py = 0; py < HEIGHT; py++) {
      for (int px = 0; px < WIDTH; px++) {
        int i = py * WIDTH + px;
        rayThrough(px + 0.5, py + 0.5, ray);
        double t = ray[2] < -1e-9 ? -CAMERA[2] / ray[2] : 1e4;
        GROUND_X[i] = CAMERA[0] + t * ray[0];
        GROUND_Y[i] = CAMERA[1] + t * ray[1];
        GROUND_LIGHTS[i] = groundLight(GROUND_X[i], GROUND_Y[i]);
      }
    }
  }

  private final float[] shadow = new float[WIDTH * HEIGHT];
  private final float[] blurred = new float[WIDTH * HEIGHT];
  private final float[] scratch = new float[WIDTH * HEIGHT];
  private final double[] hit = new double[4];
  private final double[] colour = new double[3];
  private final double[] sample = new double[3];

  // The scene being rendered.
  private double cx;
  private double cy;
  private double radius;
  private double cosRotation;
  private double sinRotation;
  private int shape;
  private boolean metal;
  private final double[] albedo = new double[3];
  // Metal's reflection tint: the colour, a little brighter and less saturated.
  private final double[] tint = new double[3];

  /** The image of {@code scene}. */
  public BufferedImage render(ClevrScene scene) {
    prepare(scene);
    shadowMask();
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      groundAt(GROUND_X[i], GROUND_Y[i], GROUND_LIGHTS[i], blurred[i], sample);
      pixels[i] = pack(sample[0], sample[1], sample[2]);
    }
    // The object: one ray per pixel, then nine for the pixels on its outline (and on metal).
    int[] box = screenBox(radius * 1.5, radius * 2, 0, 2);
    int bw = box[2] - box[0] + 1;
    int bh = box[3] - box[1] + 1;
    boolean[] covered = new boolean[bw * bh];
    double[] ray = new double[3];
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        rayThrough(box[0] + x + 0.5, box[1] + y + 0.5, ray);
        double t = intersect(CAMERA[0], CAMERA[1], CAMERA[2], ray[0], ray[1], ray[2]);
        if (t < Double.POSITIVE_INFINITY) {
          covered[y * bw + x] = true;
          shadeHit(t, ray);
          pixels[(box[1] + y) * WIDTH + box[0] + x] = pack(sample[0], sample[1], sample[2]);
        }
      }
    }
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        // Metal's sharp highlights and reflections alias too: all of it is supersampled.
        if (!(metal && covered[y * bw + x]) && !onOutline(covered, bw, bh, x, y)) {
          continue;
        }
        int i = (box[1] + y) * WIDTH + box[0] + x;
        double r = 0;
        double g = 0;
        double b = 0;
        for (int sy = 0; sy < SUPERSAMPLING; sy++) {
          for (int sx = 0; sx < SUPERSAMPLING; sx++) {
            rayThrough(box[0] + x + (sx + 0.5) / SUPERSAMPLING,
                box[1] + y + (sy + 0.5) / SUPERSAMPLING, ray);
            trace(ray, blurred[i]);
            r += sample[0];
            g += sample[1];
            b += sample[2];
          }
        }
        double n = SUPERSAMPLING * SUPERSAMPLING;
        pixels[i] = pack(r / n, g / n, b / n);
      }
    }
    return image;
  }

  /** Whether a neighbour of {@code (x, y)} differs in coverage (outside the box: uncovered). */
  private static boolean onOutline(boolean[] covered, int bw, int bh, int x, int y) {
    boolean self = covered[y * bw + x];
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        boolean other = nx >= 0 && ny >= 0 && nx < bw && ny < bh && covered[ny * bw + nx];
        if (other != self) {
          return true;
        }
      }
    }
    return false;
  }

  /** CLEVR's {@code pixel_coords} of the object's centre: x, y (pixels) and depth. */
  public static double[] pixelCoords(ClevrScene scene) {
    return project(scene.x(), scene.y(), scene.centreHeight());
  }

  private void prepare(ClevrScene scene) {
    cx = scene.x();
    cy = scene.y();
    radius = scene.radius();
    double angle = Math.toRadians(scene.rotation());
    cosRotation = StrictMath.cos(angle);
    sinRotation = StrictMath.sin(angle);
    shape = switch (scene.object().shape()) {
      case "sphere" -> 0;
      case "cube" -> 1;
      default -> 2;
    };
    metal = scene.object().material().equals("metal");
    int[] c = COLORS.get(scene.object().color());
    for (int k = 0; k < 3; k++) {
      albedo[k] = c[k] / 255.0;
      tint[k] = StrictMath.pow(albedo[k], 0.8);
    }
  }

  /**
   * The pixel box that holds the projection of the object's box (half width {@code extent},
   * height {@code top}), also shifted along the ground by {@code shift} times the key light's
   * horizontal run per unit height (to cover the shadow), plus {@code margin} pixels.
   */
  private int[] screenBox(double extent, double top, double shift, int margin) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    double runX = -KEY[0] / KEY[2] * shift;
    double runY = -KEY[1] / KEY[2] * shift;
    for (int corner = 0; corner < 16; corner++) {
      boolean shifted = (corner & 8) != 0;
      double[] p = project(
          cx + ((corner & 1) == 0 ? -extent : extent) + (shifted ? runX : 0),
          cy + ((corner & 2) == 0 ? -extent : extent) + (shifted ? runY : 0),
          (corner & 4) == 0 || shifted ? 0 : top);
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    return new int[] {
      Math.max(0, (int) Math.floor(minX) - margin), Math.max(0, (int) Math.floor(minY) - margin),
      Math.min(WIDTH - 1, (int) Math.ceil(maxX) + margin),
      Math.min(HEIGHT - 1, (int) Math.ceil(maxY) + margin)
    };
  }

  /** The key light's shadow on the ground: a hard mask, box-blurred twice, near the object. */
  private void shadowMask() {
    java.util.Arrays.fill(shadow, 0f);
    java.util.Arrays.fill(blurred, 0f);
    int blur = Math.max(1, (int) Math.round(SHADOW_BLUR * radius / 0.7 + 1));
    int[] box = screenBox(radius * 1.5, radius * 2, radius * 2, 2 * blur + 2);
    double bound = radius * 1.5;
    double bz = radius;
    for (int py = box[1]; py <= box[3]; py++) {
      for (int px = box[0]; px <= box[2]; px++) {
        int i = py * WIDTH + px;
        double gx = GROUND_X[i];
        double gy = GROUND_Y[i];
        // Cheap rejection: the light ray must pass the object's bounding sphere.
        double qx = cx - gx;
        double qy = cy - gy;
        double along = qx * KEY[0] + qy * KEY[1] + bz * KEY[2];
        double distSq = qx * qx + qy * qy + bz * bz - along * along;
        if (along > 0 && distSq < bound * bound
            && intersect(gx, gy, 0, KEY[0], KEY[1], KEY[2]) < Double.POSITIVE_INFINITY) {
          shadow[i] = 1;
        }
      }
    }
    boxBlur(shadow, blurred, blur, box);
    boxBlur(blurred, shadow, blur, box);
    System.arraycopy(shadow, 0, blurred, 0, shadow.length);
  }

  /** One camera ray: the object if it is hit, else the ground; the colour goes to sample. */
  private void trace(double[] ray, float shade) {
    double t = intersect(CAMERA[0], CAMERA[1], CAMERA[2], ray[0], ray[1], ray[2]);
    if (t < Double.POSITIVE_INFINITY) {
      shadeHit(t, ray);
    } else {
      ground(CAMERA[0], CAMERA[1], CAMERA[2], ray, shade, sample);
    }
  }

  /** Shades the object where the camera ray {@code ray} hits it at {@code t}; into sample. */
  private void shadeHit(double t, double[] ray) {
    double[] n = {hit[1], hit[2], hit[3]};
    object(CAMERA[0] + t * ray[0], CAMERA[1] + t * ray[1], CAMERA[2] + t * ray[2], n, ray, sample);
  }

  private void object(double x, double y, double z, double[] n, double[] view, double[] out) {
    double diffuse = AMBIENT
        + KEY_LIGHT * Math.max(0, dot(n, KEY))
        + FILL_LIGHT * Math.max(0, dot(n, FILL))
        + BACK_LIGHT * Math.max(0, dot(n, BACK));
    double dn = dot(view, n);
    double rx = view[0] - 2 * dn * n[0];
    double ry = view[1] - 2 * dn * n[1];
    double rz = view[2] - 2 * dn * n[2];
    double[] reflected = {rx, ry, rz};
    if (!metal) {
      // Matte: diffuse with a faint, broad sheen.
      double sheen = 0.07 * power(Math.max(0, dot(reflected, KEY)), 3)
          + 0.03 * power(Math.max(0, dot(reflected, FILL)), 3);
      for (int k = 0; k < 3; k++) {
        out[k] = albedo[k] * diffuse * 1.05 + sheen;
      }
      return;
    }
    // Metal: mostly a tinted mirror of the ground and the sky, with sharp highlights.
    environment(x, y, z, reflected, colour);
    double grazing = 1 - Math.abs(dn);
    double fresnel = 0.75 + 0.25 * grazing * grazing * grazing;
    double highlight = 2.2 * power(Math.max(0, dot(reflected, KEY)), 7)
        + 0.9 * power(Math.max(0, dot(reflected, FILL)), 7)
        + 0.6 * power(Math.max(0, dot(reflected, BACK)), 6);
    for (int k = 0; k < 3; k++) {
      out[k] = tint[k] * (0.1 * diffuse + 1.2 * fresnel * colour[k]) + highlight;
    }
  }

  /**
   * What a reflected ray sees: the ground (no shadow) or a sky brightening upwards, plus bright
   * glows near the horizon towards the key and fill lights (like a studio's soft boxes), which
   * give curved and tilted metal surfaces their light and dark bands.
   */
  private void environment(double x, double y, double z, double[] dir, double[] out) {
    double h = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1]) + 1e-12;
    double key = Math.max(0, (dir[0] * KEY_H[0] + dir[1] * KEY_H[1]) / h);
    double fill = Math.max(0, (dir[0] * FILL_H[0] + dir[1] * FILL_H[1]) / h);
    double near = dir[2] / 0.35;
    double glow = (0.9 * power(key, 4) + 0.45 * power(fill, 4)) / (1 + near * near);
    if (dir[2] < -1e-4) {
      // The floor, seen in a metal surface, is darker than seen directly: high contrast.
      ground(x, y, z, dir, 0, out);
      for (int k = 0; k < 3; k++) {
        out[k] = out[k] * 0.6 + glow;
      }
      return;
    }
    double sky = 0.75 + 0.45 * Math.min(1, dir[2] * 1.6) + glow;
    out[0] = sky * 0.97;
    out[1] = sky;
    out[2] = sky * 1.04;
  }

  /** The ground seen along {@code dir} from {@code (ox, oy, oz)}, with the given shadow. */
  private void ground(double ox, double oy, double oz, double[] dir, float shade, double[] out) {
    double t = dir[2] < -1e-9 ? -oz / dir[2] : 1e4;
    groundAt(ox + t * dir[0], oy + t * dir[1], groundLight(ox + t * dir[0], oy + t * dir[1]),
        shade, out);
  }

  /** The ground at {@code (x, y)} lit by {@code light} (from {@link #groundLight}). */
  private void groundAt(double x, double y, double light, float shade, double[] out) {
    double v = light * (1 - KEY_SHARE * 0.8 * shade);
    // Contact darkening around the object's foot.
    double fx = x - cx;
    double fy = y - cy;
    double foot = Math.sqrt(fx * fx + fy * fy) - radius * 0.8;
    if (foot < radius) {
      foot = Math.max(0, foot);
      double q = 1 + foot * foot / (0.15 * radius * radius);
      v *= 1 - 0.3 / (q * q);
    }
    // CLEVR's ground looks slightly blue to the left and warm to the right.
    double side = Math.max(-1, Math.min(1, (x - y) / 12));
    out[0] = v * (1 + 0.03 * side);
    out[1] = v;
    out[2] = v * (1.03 - 0.02 * side);
  }

  /** The unshadowed ground brightness at {@code (x, y)}: a broad pool of light in front. */
  private static double groundLight(double x, double y) {
    double dx = x - 2.0;
    double dy = y + 2.0;
    double q = (dx * dx + dy * dy) / 70;
    double pool = 0.72 + 0.34 / (1 + q + q * q / 2);
    return GROUND_ALBEDO * GROUND_LIGHT * pool;
  }

  /**
   * The nearest intersection of the ray with the object; the outward normal goes to {@code
   * hit[1..3]}.
   *
   * @return the ray parameter, or positive infinity on a miss
   */
  private double intersect(double ox, double oy, double oz, double dx, double dy, double dz) {
    double lx = ox - cx;
    double ly = oy - cy;
    return switch (shape) {
      case 0 -> sphere(lx, ly, oz - radius, dx, dy, dz);
      case 1 -> cube(lx, ly, oz, dx, dy, dz);
      default -> cylinder(lx, ly, oz, dx, dy, dz);
    };
  }

  private double sphere(double ox, double oy, double oz, double dx, double dy, double dz) {
    double b = ox * dx + oy * dy + oz * dz;
    double c = ox * ox + oy * oy + oz * oz - radius * radius;
    double disc = b * b - c;
    if (disc < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double t = -b - Math.sqrt(disc);
    if (t <= 1e-6) {
      return Double.POSITIVE_INFINITY;
    }
    hit[1] = (ox + t * dx) / radius;
    hit[2] = (oy + t * dy) / radius;
    hit[3] = (oz + t * dz) / radius;
    return t;
  }

  private double cube(double ox, double oy, double oz, double dx, double dy, double dz) {
    // Into the cube's frame (rotated about z).
    double lx = cosRotation * ox + sinRotation * oy;
    double ly = -sinRotation * ox + cosRotation * oy;
    double ldx = cosRotation * dx + sinRotation * dy;
    double ldy = -sinRotation * dx + cosRotation * dy;
    double half = radius / Math.sqrt(2);
    double[] o = {lx, ly, oz - half};
    double[] d = {ldx, ldy, dz};
    double near = -Double.MAX_VALUE;
    double far = Double.MAX_VALUE;
    int axis = -1;
    for (int k = 0; k < 3; k++) {
      if (Math.abs(d[k]) < 1e-12) {
        if (Math.abs(o[k]) > half) {
          return Double.POSITIVE_INFINITY;
        }
        continue;
      }
      double t1 = (-half - o[k]) / d[k];
      double t2 = (half - o[k]) / d[k];
      if (t1 > t2) {
        double s = t1;
        t1 = t2;
        t2 = s;
      }
      if (t1 > near) {
        near = t1;
        axis = k;
      }
      far = Math.min(far, t2);
    }
    if (near > far || near <= 1e-6 || axis < 0) {
      return Double.POSITIVE_INFINITY;
    }
    // Rounded edges, as CLEVR's cubes have: near an edge the normal tilts towards the
    // neighbouring face (up to 45 degrees at the edge), so edges catch the light.
    double[] n = new double[3];
    n[axis] = -Math.signum(d[axis]);
    for (int k = 0; k < 3; k++) {
      if (k != axis) {
        double p = o[k] + near * d[k];
        double w = (Math.abs(p) / half - (1 - BEVEL)) / BEVEL;
        if (w > 0) {
          n[k] = Math.signum(p) * Math.min(1, w);
        }
      }
    }
    double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    hit[1] = (cosRotation * n[0] - sinRotation * n[1]) / len;
    hit[2] = (sinRotation * n[0] + cosRotation * n[1]) / len;
    hit[3] = n[2] / len;
    return near;
  }

  private double cylinder(double ox, double oy, double oz, double dx, double dy, double dz) {
    double height = 2 * radius;
    double best = Double.POSITIVE_INFINITY;
    double a = dx * dx + dy * dy;
    if (a > 1e-12) {
      double b = ox * dx + oy * dy;
      double c = ox * ox + oy * oy - radius * radius;
      double disc = b * b - a * c;
      if (disc >= 0) {
        double t = (-b - Math.sqrt(disc)) / a;
        double z = oz + t * dz;
        if (t > 1e-6 && z >= 0 && z <= height) {
          best = t;
          // The rim is rounded: the normal tilts up near the top.
          double w = Math.max(0, Math.min(1, (z - height + BEVEL * radius) / (BEVEL * radius)));
          double len = Math.sqrt(1 + w * w);
          hit[1] = (ox + t * dx) / radius / len;
          hit[2] = (oy + t * dy) / radius / len;
          hit[3] = w / len;
        }
      }
    }
    if (dz < 0) {
      double t = (height - oz) / dz;
      double x = ox + t * dx;
      double y = oy + t * dy;
      double rho = Math.sqrt(x * x + y * y);
      if (t > 1e-6 && t < best && rho <= radius) {
        best = t;
        double w = Math.max(0, (rho / radius - (1 - BEVEL)) / BEVEL);
        double len = Math.sqrt(1 + w * w);
        hit[1] = rho > 0 ? w * x / rho / len : 0;
        hit[2] = rho > 0 ? w * y / rho / len : 0;
        hit[3] = 1 / len;
      }
    }
    return best;
  }

  private static void rayThrough(double u, double v, double[] out) {
    double sx = (2 * u / WIDTH - 1) * TAN_HALF_WIDTH;
    double sy = (1 - 2 * v / HEIGHT) * TAN_HALF_HEIGHT;
    double x = FORWARD[0] + sx * RIGHT[0] + sy * UP[0];
    double y = FORWARD[1] + sx * RIGHT[1] + sy * UP[1];
    double z = FORWARD[2] + sx * RIGHT[2] + sy * UP[2];
    double norm = Math.sqrt(x * x + y * y + z * z);
    out[0] = x / norm;
    out[1] = y / norm;
    out[2] = z / norm;
  }

  private static double[] project(double x, double y, double z) {
    double qx = x - CAMERA[0];
    double qy = y - CAMERA[1];
    double qz = z - CAMERA[2];
    double depth = qx * FORWARD[0] + qy * FORWARD[1] + qz * FORWARD[2];
    double right = qx * RIGHT[0] + qy * RIGHT[1] + qz * RIGHT[2];
    double up = qx * UP[0] + qy * UP[1] + qz * UP[2];
    return new double[] {
      (right / depth / TAN_HALF_WIDTH + 1) * WIDTH / 2,
      (1 - up / depth / TAN_HALF_HEIGHT) * HEIGHT / 2,
      depth
    };
  }

  /** A box blur of radius r inside {@code box}, with zeros outside it; running sums. */
  private void boxBlur(float[] in, float[] out, int r, int[] box) {
    float norm = 1f / (2 * r + 1);
    for (int y = box[1]; y <= box[3]; y++) {
      float sum = 0;
      for (int x = box[0]; x <= Math.min(box[2], box[0] + r - 1); x++) {
        sum += in[y * WIDTH + x];
      }
      for (int x = box[0]; x <= box[2]; x++) {
        if (x + r <= box[2]) {
          sum += in[y * WIDTH + x + r];
        }
        if (x - r - 1 >= box[0]) {
          sum -= in[y * WIDTH + x - r - 1];
        }
        scratch[y * WIDTH + x] = sum * norm;
      }
    }
    for (int x = box[0]; x <= box[2]; x++) {
      float sum = 0;
      for (int y = box[1]; y <= Math.min(box[3], box[1] + r - 1); y++) {
        sum += scratch[y * WIDTH + x];
      }
      for (int y = box[1]; y <= box[3]; y++) {
        if (y + r <= box[3]) {
          sum += scratch[(y + r) * WIDTH + x];
        }
        if (y - r - 1 >= box[1]) {
          sum -= scratch[(y - r - 1) * WIDTH + x];
        }
        out[y * WIDTH + x] = Math.max(0f, sum * norm);
      }
    }
  }

  private static int pack(double r, double g, double b) {
    return (channel(r) << 16) | (channel(g) << 8) | channel(b);
  }

  private static int channel(double v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
  }

  /** {@code x} to the power {@code 2^squarings}: multiplications only, so exactly reproducible. */
  private static double power(double x, int squarings) {
    double v = x;
    for (int i = 0; i < squarings; i++) {
      v *= v;
    }
    return v;
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  private static double[] normalize(double x, double y, double z) {
    double n = Math.sqrt(x * x + y * y + z * z);
    return new double[] {x / n, y / n, z / n};
  }

  private static double[] direction(double azimuthDegrees, double elevationDegrees) {
    double az = Math.toRadians(azimuthDegrees);
    double el = Math.toRadians(elevationDegrees);
    return new double[] {StrictMath.cos(el) * StrictMath.cos(az), StrictMath.cos(el) * StrictMath.sin(az), StrictMath.sin(el)};
  }
}
