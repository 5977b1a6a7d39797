import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "../../../api/generated/admin-api";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import { ApiError } from "../../../lib/api/problem";

export type WriteValue = components["schemas"]["ChannelWriteRequest"]["value"];
export type WriteResult = components["schemas"]["ChannelWriteResult"];

/**
 * Writes a value to a channel's device (POST /api/v1/io/channels/{id}/write) and answers with the value read back. A
 * refusal or a device failure ends in an ApiError with the server's problem: 400 naming `value`, 403, 409
 * /problems/not-writable, 502 /problems/device-write-failed, 504 /problems/device-timeout.
 */
export function useChannelWrite() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channelId, value }: { channelId: number; value: WriteValue }) =>
      unwrap(admin.POST("/api/v1/io/channels/{id}/write", { params: { path: { id: channelId } }, body: { value } })),
    // A 409 or 403 may mean the channel's write settings changed since the directory was loaded: load it again, so
    // that what the console offers follows the server.
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
        void queryClient.invalidateQueries({ queryKey: ["channels", "directory"] });
      }
    },
  });
}
