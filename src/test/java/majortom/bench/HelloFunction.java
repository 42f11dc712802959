package majortom.bench;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;

/**
 * The smallest HttpFunction, started on the same invoker as major-tom to compare cold starts.
 */
public final class HelloFunction implements HttpFunction {

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        response.setStatusCode(200);
        response.getWriter().write("ok");
    }
}
