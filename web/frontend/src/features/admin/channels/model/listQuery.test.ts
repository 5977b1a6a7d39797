import { describe, expect, it } from "vitest";
import { apiFilter, readListQuery, writeListQuery } from "./listQuery";

describe("the channel list's URL", () => {
  it("round-trips filters, sort and page and leaves defaults out", () => {
    const params = new URLSearchParams(
      "name=temp&tag=line1&protocol=MODBUS_TCP&enabled=false&sort=protocol,desc&page=3",
    );
    const query = readListQuery(params);
    expect(query).toMatchObject({ name: "temp", tag: "line1", protocol: "MODBUS_TCP", enabled: "false", page: 3 });
    expect(writeListQuery(query).toString()).toBe(
      "name=temp&tag=line1&protocol=MODBUS_TCP&enabled=false&sort=protocol%2Cdesc&page=3",
    );
    expect(writeListQuery(readListQuery(new URLSearchParams())).toString()).toBe("");
  });

  it("ignores what the server would refuse: unknown protocols, sort properties, page sizes", () => {
    const query = readListQuery(new URLSearchParams("protocol=CAN&sort=settings,asc&size=7&page=-1&enabled=maybe"));
    expect(query).toMatchObject({ protocol: "", sort: "name,asc", size: 50, page: 0, enabled: "" });
  });

  it("asks the server with typed filters", () => {
    const filter = apiFilter(readListQuery(new URLSearchParams("device=10.0.&enabled=true")));
    expect(filter).toEqual({
      name: undefined,
      tag: undefined,
      protocol: undefined,
      device: "10.0.",
      collector: undefined,
      enabled: true,
      sort: ["name,asc"],
    });
  });
});
