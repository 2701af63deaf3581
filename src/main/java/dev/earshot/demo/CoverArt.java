package dev.earshot.demo;

/** Draws a distinct, stable piece of cover art for any id, so sample data needs no images from the internet. */
final class CoverArt {

    private CoverArt() {}

    static String svg(String id) {
        byte[] seed = SandboxDigest.sha256(id);
        int hue = (seed[0] & 0xff) * 360 / 256;
        int secondHue = (hue + 40 + (seed[1] & 0xff) % 140) % 360;
        int angle = (seed[2] & 0xff) % 4;
        String[] directions = {
            "x1='0' y1='0' x2='1' y2='1'",
            "x1='1' y1='0' x2='0' y2='1'",
            "x1='0' y1='0' x2='0' y2='1'",
            "x1='0' y1='0' x2='1' y2='0'"
        };
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 640 640' width='640' height='640'>")
                .append("<defs><linearGradient id='g' ")
                .append(directions[angle])
                .append('>')
                .append("<stop offset='0' stop-color='hsl(")
                .append(hue)
                .append(",70%,45%)'/>")
                .append("<stop offset='1' stop-color='hsl(")
                .append(secondHue)
                .append(",75%,22%)'/>")
                .append("</linearGradient></defs>")
                .append("<rect width='640' height='640' fill='url(#g)'/>");
        for (int shape = 0; shape < 3; shape++) {
            int x = 80 + (seed[3 + shape * 3] & 0xff) * 480 / 256;
            int y = 80 + (seed[4 + shape * 3] & 0xff) * 480 / 256;
            int r = 40 + (seed[5 + shape * 3] & 0xff) * 160 / 256;
            svg.append("<circle cx='")
                    .append(x)
                    .append("' cy='")
                    .append(y)
                    .append("' r='")
                    .append(r)
                    .append("' fill='hsl(")
                    .append((hue + 180 + shape * 30) % 360)
                    .append(",80%,70%)' fill-opacity='")
                    .append(shape == 0 ? "0.55" : "0.3")
                    .append("'/>");
        }
        return svg.append("</svg>").toString();
    }
}
